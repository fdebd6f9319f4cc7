package dev.deskpilot.agent.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.deskpilot.agent.RunStatus;
import dev.deskpilot.agent.ScriptPolicy;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.perception.TextTarget;
import dev.deskpilot.policy.Policy;
import dev.deskpilot.tasks.Step;
import dev.deskpilot.tasks.Task;
import java.awt.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs agent test classes through the JUnit engine (EngineTestKit), as a user's build would, and
 * checks what JUnit reports. The agent test classes are nested here; they run only when this test
 * starts them (a system property), never on their own.
 */
@DisplayName("@DeskpilotTest")
class DeskpilotExtensionTest {
    static final String GUARD = "deskpilot.extension-test";
    static final String FORM_DEMO = "dev/deskpilot/tasks/examples/form-demo.json";
    static final String OUT = "target/deskpilot-runs/extension-test";
    /**
     * The size of the private Xvfb that perception's PrivateDisplaySession connects every test JVM
     * to before any test runs; a JVM has one display, so the agent tests here ask for its size.
     */
    static final String SCREEN = "1024x768";

    static volatile AgentRun seenInBody;

    @BeforeAll
    static void display() {
        assertEquals(SCREEN, RobotScreen.open().size().toString(), "the test JVM's display changed size");
    }

    static EngineExecutionResults execute(Class<?> testClass) {
        seenInBody = null;
        System.setProperty(GUARD, "true");
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(testClass))
                    .execute();
        } finally {
            System.clearProperty(GUARD);
        }
    }

    static Throwable onlyFailure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(s -> s.started(1).failed(1).succeeded(0));
        Event failed = results.testEvents().failed().list().get(0);
        return failed.getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
    }

    static Path reportNamedIn(String message) {
        Matcher m = Pattern.compile("report: (\\S+report\\.html)").matcher(message);
        assertTrue(m.find(), "no report path in: " + message);
        Path report = Path.of(m.group(1));
        assertTrue(Files.isRegularFile(report), report + " does not exist");
        return report;
    }

    @EnabledIfSystemProperty(named = GUARD, matches = "true")
    static class Passing {
        @DeskpilotTest(task = FORM_DEMO, screen = SCREEN, out = OUT)
        void fillsInTheForm(AgentRun run) {
            seenInBody = run;
        }
    }

    @Test
    @DisplayName("runs the task on the private Xvfb, passes, and hands the finished run to the test's body")
    void passes() throws IOException {
        execute(Passing.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        AgentRun run = seenInBody;
        assertNotNull(run, "the body ran with the run");
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertTrue(run.passed());
        assertEquals("form-demo", run.task().id());
        assertTrue(run.runDir().startsWith(Path.of(OUT).toAbsolutePath())
                || run.runDir().startsWith(Path.of(OUT)));
        assertTrue(Files.readString(run.report()).contains("<section class=\"step\" id=\"step-5\""));
        assertTrue(Files.size(run.gif().orElseThrow()) > 0, "a GIF beside the report");
        assertFalse(formWindowShowing(), "the app is closed after the test");
    }

    /** The form demo played from Java steps that name text, as docs/ci.md shows. */
    public static class SignUpByText implements PolicyFactory {
        @Override
        public Policy create(Task task) {
            return ScriptPolicy.of(
                    Step.waitFor(TextTarget.of("Newsletter sign-up"), Duration.ofSeconds(5)),
                    Step.click("Your full name"),
                    Step.action("type(content='Ada Lovelace')"),
                    Step.click("Subscribe to newsletter"),
                    Step.click("Submit"),
                    Step.waitFor("Submitted: Ada Lovelace"),
                    Step.action("finished(content='Submitted')"));
        }

        @Override
        public String name() {
            return "scripted";
        }
    }

    @EnabledIfSystemProperty(named = GUARD, matches = "true")
    static class ByTextInJava {
        @DeskpilotTest(task = FORM_DEMO, policy = SignUpByText.class, screen = SCREEN, out = OUT)
        void fillsInTheFormByText(AgentRun run) {
            seenInBody = run;
        }
    }

    @Test
    @DisplayName("plays steps that name text, written in Java, through a policy factory")
    void textStepsInJava() throws IOException {
        execute(ByTextInJava.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));

        AgentRun run = seenInBody;
        assertNotNull(run, "the body ran with the run");
        String steps = Files.readString(run.runDir().resolve("steps.jsonl"));
        assertTrue(steps.contains("click on text 'Submit': 'Submit' at ("), steps);
        assertFalse(formWindowShowing(), "the app is closed after the test");
    }

    @EnabledIfSystemProperty(named = GUARD, matches = "true")
    static class Failing {
        @DeskpilotTest(task = "dev/deskpilot/agent/junit/wrong-name.json", screen = SCREEN, out = OUT)
        void typesTheWrongName(AgentRun run) {
            seenInBody = run;
        }
    }

    @Test
    @DisplayName("fails with the run's status, the failed check and the report's path when the task does not pass")
    void failsNamingTheReport() throws IOException {
        Throwable failure = onlyFailure(execute(Failing.class));

        String message = failure.getMessage();
        assertInstanceOf(AssertionError.class, failure, message);
        assertTrue(message.startsWith("task 'wrong-name' did not pass: finished"), message);
        assertTrue(message.contains("check failed: state submitted_name"), message);
        assertTrue(message.contains("'Charles Babbage'"), message);
        Path report = reportNamedIn(message);
        assertTrue(Files.readString(report).contains("not passed"));
        assertNull(seenInBody, "the body does not run when the task failed");
        assertFalse(formWindowShowing(), "the app is closed after the test");
    }

    @EnabledIfSystemProperty(named = GUARD, matches = "true")
    static class TimingOut {
        @Timeout(4)
        @DeskpilotTest(task = "dev/deskpilot/agent/junit/slow.json", screen = SCREEN, out = OUT)
        void waitsTooLong() {}
    }

    @Test
    @DisplayName("a JUnit timeout stops the agent and closes the app; the failure names the stopped run's report")
    void timeout() throws Exception {
        Throwable failure = onlyFailure(execute(TimingOut.class));

        assertInstanceOf(TimeoutException.class, failure, String.valueOf(failure));
        assertEquals(1, failure.getSuppressed().length, "our failure rides along: " + failure);
        String message = failure.getSuppressed()[0].getMessage();
        assertTrue(
                message.startsWith("task 'slow' was cut short: stopped"), "fails though its check passes: " + message);
        assertTrue(message.contains("the agent was stopped"), message);
        reportNamedIn(message);
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.isAlive() && t.getName().equals("deskpilot-agent-slow")),
                "the agent's thread has ended");
        assertFalse(formWindowShowing(), "the app is closed after the test");
    }

    @EnabledIfSystemProperty(named = GUARD, matches = "true")
    static class BothSources {
        @DeskpilotTest(task = FORM_DEMO, taskFile = "form.json", screen = SCREEN, out = OUT)
        void confused() {}
    }

    @Test
    @DisplayName("refuses a test that names both a task resource and a task file, saying what to do")
    void bothSources() {
        Throwable failure = onlyFailure(execute(BothSources.class));
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("needs exactly one of task"), failure.getMessage());
        assertTrue(failure.getMessage().contains("not both"), failure.getMessage());
    }

    @EnabledIfSystemProperty(named = GUARD, matches = "true")
    static class OtherScreen {
        @DeskpilotTest(task = FORM_DEMO, screen = "1280x800", out = OUT)
        void biggerScreen() {}
    }

    @Test
    @DisplayName("fails a test that asks for another screen size than the JVM's display has, naming both")
    void screenMismatch() {
        Throwable failure = onlyFailure(execute(OtherScreen.class));
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(failure.getMessage().contains("is 1024x768, but the test asks for 1280x800"), failure.getMessage());
    }

    private static boolean formWindowShowing() {
        return Arrays.stream(Frame.getFrames())
                .anyMatch(f -> f.isShowing() && f.getTitle().equals("deskpilot form"));
    }
}
