package dev.deskpilot.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.perception.Settle;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.TextTarget;
import dev.deskpilot.tasks.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text steps played by the agent loop on a real Swing window on the private Xvfb, read by the real TextReader. */
@DisplayName("Scripts that name text on the screen")
class ScriptPolicyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static RobotScreen screen;
    static RobotExecutor executor;
    static TextReader reader;

    TextPlayground app;

    @TempDir
    Path out;

    @BeforeAll
    static void connect() throws Exception {
        String display = Displays.ensurePrivateXvfb(new Size(1024, 768));
        screen = RobotScreen.open();
        // A short wait() keeps the waiting tests quick; a wait step looks again after each one.
        executor = RobotExecutor.open(display, RobotExecutor.Settings.DEFAULT.withWaitPause(Duration.ofMillis(300)));
        reader = TextReader.open();
    }

    @AfterAll
    static void release() {
        reader.close();
    }

    @BeforeEach
    void openApp() throws Exception {
        app = TextPlayground.open();
        Settle.DEFAULT.await(screen, Duration.ofSeconds(5));
    }

    @AfterEach
    void closeApp() throws Exception {
        app.close();
    }

    record Run(RunResult result, List<JsonNode> steps) {}

    Run run(Step... steps) throws Exception {
        AgentSettings settings = new AgentSettings(30, Duration.ofSeconds(2), Duration.ofMinutes(1), Settle.DEFAULT);
        Agent agent = new Agent(screen, new ScriptPolicy(List.of(steps), reader), executor, settings);
        try (RunFolder folder = RunFolder.create(out, "text")) {
            RunResult result = agent.run("test instruction", folder);
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(folder.dir().resolve("steps.jsonl"))) {
                records.add(JSON.readTree(line));
            }
            assertEquals(result.steps(), records.size(), "one steps.jsonl line per step");
            return new Run(result, records);
        }
    }

    static String screenAction(JsonNode step) {
        return step.get("screenActions").get(0).asText();
    }

    @Test
    @DisplayName(
            "clicks, double-clicks and right-clicks on text, recorded as canonical actions with the step as thought")
    void clicks() throws Exception {
        Run run = run(
                Step.click("Apply"),
                Step.doubleClick(TextTarget.of("report.pdf").occurrence(2)),
                Step.rightClick("notes.txt"),
                Step.action("finished(content='done')"));

        assertEquals(RunStatus.FINISHED, run.result().status(), run.result().reason());
        assertEquals(
                List.of("Apply", "report.pdf#2 left x1", "report.pdf#2 left x2", "notes.txt#1 right x1"), app.events());
        JsonNode apply = run.steps().get(0);
        assertTrue(
                screenAction(apply).matches("click\\(start_box='<\\|box_start\\|>\\(\\d+,\\d+\\)<\\|box_end\\|>'\\)"),
                apply.toString());
        assertTrue(apply.get("thought").asText().startsWith("click on text 'Apply': 'Apply' at ("), apply.toString());
        assertTrue(apply.get("text").asText().startsWith("Thought: click on text 'Apply'"), apply.toString());
        assertTrue(apply.get("text").asText().endsWith("\nAction: " + screenAction(apply)), apply.toString());
        assertTrue(screenAction(run.steps().get(1)).startsWith("left_double(start_box="));
        assertTrue(run.steps()
                .get(1)
                .get("thought")
                .asText()
                .startsWith("double click on text 'report.pdf' (occurrence 2)"));
        assertTrue(screenAction(run.steps().get(2)).startsWith("right_single(start_box="));
    }

    @Test
    @DisplayName("waits for text to go and to come, one wait() per look, and goes on on the frame where it holds")
    void waits() throws Exception {
        Run run = run(
                Step.click("Start"),
                Step.waitUntilGone(TextTarget.of("Loading"), Duration.ofSeconds(10)),
                Step.waitFor(TextTarget.of("Saved"), Duration.ofSeconds(10)),
                Step.action("finished(content='saved')"));

        assertEquals(RunStatus.FINISHED, run.result().status(), run.result().reason());
        List<String> thoughts =
                run.steps().stream().map(s -> s.get("thought").asText()).toList();
        assertTrue(
                thoughts.stream()
                        .anyMatch(
                                t -> t.contains("wait until text 'Loading' is gone (up to 10s): still visible after")),
                thoughts::toString);
        assertTrue(
                thoughts.stream()
                        .anyMatch(t -> t.contains("wait for text 'Saved' (up to 10s): not on screen yet after")),
                thoughts::toString);
        JsonNode last = run.steps().getLast();
        assertEquals("finished(content='saved')", screenAction(last));
        assertTrue(last.get("thought").asText().startsWith("text 'Saved' is on screen"), last.toString());
        for (JsonNode step : run.steps().subList(1, run.steps().size() - 1)) {
            assertEquals("wait()", screenAction(step), step.toString());
        }
    }

    @Test
    @DisplayName("a wait that already holds costs no step")
    void waitThatHolds() throws Exception {
        Run run = run(
                Step.waitFor("Apply"),
                Step.waitUntilGone("Loading"),
                Step.click("Submit"),
                Step.action("finished(content='ok')"));

        assertEquals(RunStatus.FINISHED, run.result().status(), run.result().reason());
        assertEquals(2, run.steps().size());
        assertTrue(
                run.steps()
                        .get(0)
                        .get("thought")
                        .asText()
                        .startsWith("text 'Apply' is on screen; text 'Loading' is gone; click on text 'Submit'"),
                run.steps().get(0).toString());
        assertEquals(List.of("Submit"), app.events());
    }

    @Test
    @DisplayName("a text that is not there ends the run with the nearest texts, keeping the steps before")
    void notFound() throws Exception {
        Run run = run(Step.click("Apply"), Step.click("Sbumit"), Step.action("finished(content='no')"));

        assertEquals(RunStatus.ERROR, run.result().status());
        assertTrue(
                run.result()
                        .reason()
                        .startsWith("policy failed at step 2: script step 2: text 'Sbumit' not found on"
                                + " screen; nearest: 'Submit' at ("),
                run.result().reason());
        assertFalse(run.result().reason().contains("\n"));
        assertEquals(2, run.steps().size());
        assertEquals("", run.steps().get(0).get("error").asText());
        assertEquals(List.of("Apply"), app.events());
        assertTrue(run.steps().get(1).get("error").asText().contains("'Sbumit' not found"));
    }

    @Test
    @DisplayName("a wait that runs out ends the run saying what it waited for and what is there")
    void waitsRunOut() throws Exception {
        Run appear = run(Step.waitFor(TextTarget.of("Finished"), Duration.ofSeconds(1)));
        assertEquals(RunStatus.ERROR, appear.result().status());
        assertTrue(
                appear.result()
                        .reason()
                        .matches("policy failed at step \\d+: script step 1: gave up waiting after"
                                + " \\d+\\.\\d s: text 'Finished' not found on screen; nearest: .*"),
                appear.result().reason());

        Run gone = run(Step.waitUntilGone(TextTarget.of("Apply"), Duration.ofSeconds(1)));
        assertEquals(RunStatus.ERROR, gone.result().status());
        assertTrue(
                gone.result().reason().contains(": text 'Apply' is still visible: 'Apply' at ("),
                gone.result().reason());
    }

    @Test
    @DisplayName("a bad action step is named before the run starts")
    void badActionStep() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new ScriptPolicy(List.of(Step.click("Apply"), Step.action("clack()")), reader));
        assertTrue(e.getMessage().startsWith("script step 2: "), e.getMessage());
    }
}
