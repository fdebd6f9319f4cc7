package dev.deskpilot.agent.junit;

import dev.deskpilot.actions.Size;
import dev.deskpilot.agent.RunInfo;
import dev.deskpilot.agent.TaskRunner;
import dev.deskpilot.agent.report.Reports;
import dev.deskpilot.policy.Policy;
import dev.deskpilot.tasks.Task;
import dev.deskpilot.tasks.TaskFile;
import dev.deskpilot.tasks.Timeouts;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent for a {@link DeskpilotTest} method as part of the method's invocation, then runs
 * the method's body only if the task passed; resolves {@link AgentRun} parameters. The run's state
 * lives in an {@link AgentSession} in the test's store, closed with the test.
 */
final class DeskpilotExtension implements InvocationInterceptor, ParameterResolver {
    private static final Logger log = LoggerFactory.getLogger(DeskpilotExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DeskpilotExtension.class);

    /** Beyond the task's own timeouts: time for the checks, closing the app and writing run.json. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AgentRun.class;
    }

    @Override
    public AgentRun resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return session(context).run;
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        AgentSession session = session(context);
        AgentRun.Ended ended;
        try {
            ended = runAgent(context, session);
        } catch (Throwable t) {
            invocation.skip();
            throw t;
        }
        if (!ended.info().passed() || !session.stoppedBecause().isEmpty()) {
            // A run cut short by the test's time limit fails even if its checks happen to pass.
            invocation.skip();
            throw new AssertionFailedError(failure(ended, session));
        }
        invocation.proceed();
    }

    private static AgentSession session(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(AgentSession.class, k -> new AgentSession(), AgentSession.class);
    }

    private static AgentRun.Ended runAgent(ExtensionContext context, AgentSession session) throws Exception {
        Method method = context.getRequiredTestMethod();
        DeskpilotTest config = AnnotationSupport.findAnnotation(method, DeskpilotTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        method + " is not annotated with @DeskpilotTest; put it on the method instead of"
                                + " registering DeskpilotExtension by hand"));
        Size screen = screen(config, method);
        String source = source(config, method);
        Task task = config.task().isEmpty()
                ? TaskFile.read(Path.of(config.taskFile()))
                : TaskFile.readResource(config.task());
        PolicyFactory factory = ReflectionSupport.newInstance(config.policy());
        Policy policy = factory.create(task);
        AgentDesktop desktop = AgentDesktop.open(config.display(), screen);
        Path out = Path.of(config.out());
        TaskRunner runner = new TaskRunner(desktop.screen(), desktop.executor(), desktop.display());

        TaskRunner.Outcome outcome;
        try {
            outcome = session.run(
                    task.id(),
                    () -> runner.run(task, source, policy, factory.name(), out),
                    runner::stop,
                    limit(task.timeouts()));
        } finally {
            // A policy that holds resources (a script's text reader, a model session) is done now.
            if (policy instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        // The GIF first, so that the report links it. A run without frames has no GIF; never fail for that.
        Optional<Path> gif = Optional.empty();
        if (outcome.info().steps() > 0) {
            try {
                gif = Optional.of(Reports.writeRunGif(outcome.runDir()));
            } catch (IOException e) {
                log.warn("no GIF for {}: {}", outcome.runDir(), e.getMessage());
            }
        }
        Path report = Reports.writeRunReport(outcome.runDir()).toAbsolutePath();
        context.publishReportEntry("deskpilot.report", report.toString());
        if (session.interrupted()) {
            Thread.currentThread().interrupt();
        }
        AgentRun.Ended ended = new AgentRun.Ended(task, outcome.runDir(), outcome.info(), report, gif);
        session.run.end(ended);
        return ended;
    }

    private static Duration limit(Timeouts timeouts) {
        return timeouts.launch().plus(timeouts.run()).plus(timeouts.step()).plus(MARGIN);
    }

    private static Size screen(DeskpilotTest config, Method method) {
        try {
            return Size.parse(config.screen());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@DeskpilotTest(screen = \"" + config.screen() + "\") on "
                    + method.getName() + ": " + e.getMessage());
        }
    }

    /** How run.json names the task's source; also checks that exactly one source is given. */
    private static String source(DeskpilotTest config, Method method) {
        boolean resource = !config.task().isBlank();
        boolean file = !config.taskFile().isBlank();
        if (resource == file) {
            throw new ExtensionConfigurationException(
                    "@DeskpilotTest on " + method.getDeclaringClass().getSimpleName()
                            + "." + method.getName() + " needs exactly one of task (a class-path resource, e.g. task ="
                            + " \"tasks/sign-up.json\") and taskFile (a file path), "
                            + (resource ? "not both" : "but has neither"));
        }
        return resource ? "classpath:" + config.task() : config.taskFile();
    }

    /** The failure message: what happened, which checks failed, where to look. */
    private static String failure(AgentRun.Ended ended, AgentSession session) {
        RunInfo info = ended.info();
        StringBuilder message = new StringBuilder("task '")
                .append(ended.task().id())
                .append(info.passed() ? "' was cut short: " : "' did not pass: ")
                .append(info.status().word());
        if (!info.reason().isEmpty()) {
            message.append(" (").append(info.reason()).append(')');
        }
        message.append(" after ").append(info.steps()).append(info.steps() == 1 ? " step" : " steps");
        if (!session.stoppedBecause().isEmpty()) {
            message.append("\n  ").append(session.stoppedBecause());
        }
        if (info.checks().isEmpty()) {
            message.append("\n  the task has no checks, so it cannot pass");
        }
        for (RunInfo.CheckOutcome check : info.checks()) {
            if (!check.passed()) {
                message.append("\n  check failed: ")
                        .append(check.check())
                        .append(": ")
                        .append(check.detail());
            }
        }
        return message.append("\n  report: ").append(ended.report()).toString();
    }
}
