package dev.deskpilot.agent;

import dev.deskpilot.actions.Executor;
import dev.deskpilot.perception.Screen;
import dev.deskpilot.policy.Policy;
import dev.deskpilot.tasks.AppLaunchException;
import dev.deskpilot.tasks.Apps;
import dev.deskpilot.tasks.CheckResult;
import dev.deskpilot.tasks.Checks;
import dev.deskpilot.tasks.RunningApp;
import dev.deskpilot.tasks.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task end to end on a display: launch its app, let the agent work, judge the result with
 * the task's checks, close the app, and leave a complete run folder behind.
 */
public final class TaskRunner {
    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final Screen screen;
    private final Executor executor;
    private final String display;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Agent current;

    /**
     * @param screen where the agent looks
     * @param executor how it acts
     * @param display the X display name commands are started on, e.g. {@code :94}
     */
    public TaskRunner(Screen screen, Executor executor, String display) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.display = Objects.requireNonNull(display, "display");
    }

    /**
     * Asks the run in progress to stop after its current step (it then ends as {@code stopped},
     * with its checks judged and run.json written); a run whose loop has not started yet stops
     * before its first step. Safe to call from any thread. A stopped runner stops every later run
     * before its first step too: use a new one for the next run.
     */
    public void stop() {
        stopRequested.set(true);
        Agent agent = current;
        if (agent != null) {
            agent.stop();
        }
    }

    /** What a task run produced. */
    public record Outcome(Path runDir, RunInfo info) {
        /** Whether the task succeeded: every check passed. */
        public boolean passed() {
            return info.passed();
        }
    }

    /**
     * Runs {@code task} with {@code policy}; the run folder goes under {@code outDir}.
     *
     * @param source where the task came from, for run.json
     * @param policyName how run.json names the policy
     */
    public Outcome run(Task task, String source, Policy policy, String policyName, Path outDir) throws IOException {
        AgentSettings settings = new AgentSettings(
                task.maxSteps(),
                task.timeouts().step(),
                task.timeouts().run(),
                dev.deskpilot.perception.Settle.DEFAULT);
        try (RunFolder folder = RunFolder.create(outDir, task.id())) {
            RunInfo info = RunInfo.started(
                    new RunInfo.TaskRef(task.id(), task.instruction(), source),
                    policyName,
                    display,
                    screen.size().toString(),
                    RunInfo.Settings.of(settings),
                    Instant.now());
            folder.writeRunInfo(info);
            log.info("run folder: {}", folder.dir());

            RunResult result;
            List<RunInfo.CheckOutcome> checks = new ArrayList<>();
            try (RunningApp app = Apps.launch(task.app(), task.baseDir(), display)) {
                waitForLaunch(task);
                result = runAgent(task, policy, settings, folder);
                FinalScreenText screenText =
                        new FinalScreenText(screen, task.timeouts().step(), folder);
                for (var check : task.checks()) {
                    CheckResult r = Checks.evaluate(check, app, task.baseDir(), screenText);
                    checks.add(new RunInfo.CheckOutcome(r.check().describe(), r.passed(), r.detail()));
                }
            } catch (AppLaunchException e) {
                result = new RunResult(RunStatus.ERROR, "could not launch the app: " + e.getMessage(), 0);
            }
            RunInfo ended = info.ended(result, checks, Instant.now());
            folder.writeRunInfo(ended);
            return new Outcome(folder.dir(), ended);
        }
    }

    /** Runs the loop; Ctrl+C (a JVM shutdown) stops it after the current step. */
    private RunResult runAgent(Task task, Policy policy, AgentSettings settings, RunFolder folder) throws IOException {
        Agent agent = new Agent(screen, policy, executor, settings);
        current = agent;
        if (stopRequested.get()) {
            agent.stop();
        }
        Thread stopper = new Thread(agent::stop, "deskpilot-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return agent.run(task.instruction(), folder);
        } catch (RuntimeException e) {
            // A run that dies still gets an ending in run.json, so nobody mistakes it for a killed one.
            log.warn("run failed", e);
            return new RunResult(RunStatus.ERROR, "unexpected failure: " + e, 0);
        } finally {
            current = null;
            removeHook(stopper);
        }
    }

    private void waitForLaunch(Task task) throws IOException {
        try {
            dev.deskpilot.perception.Settle.DEFAULT.await(
                    screen, task.timeouts().launch());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the app to appear", e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook has run or will run, which is what we want.
        }
    }
}
