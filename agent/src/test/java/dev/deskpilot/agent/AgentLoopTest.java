package dev.deskpilot.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.perception.Settle;
import dev.deskpilot.tasks.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's statuses and records, on a real private Xvfb with real capture and input. */
@DisplayName("The agent loop")
class AgentLoopTest {
    static String display;
    static RobotScreen screen;
    static RobotExecutor executor;

    @TempDir
    Path out;

    @BeforeAll
    static void connect() throws Exception {
        display = Displays.ensurePrivateXvfb(new Size(1024, 768));
        screen = RobotScreen.open();
        executor = RobotExecutor.open(display);
    }

    static AgentSettings settings(int maxSteps) {
        return new AgentSettings(maxSteps, Duration.ofSeconds(2), Duration.ofMinutes(1), Settle.DEFAULT);
    }

    RunResult run(List<String> script, AgentSettings settings) throws Exception {
        Agent agent = new Agent(
                screen, new ScriptPolicy(script.stream().map(Step::action).toList()), executor, settings);
        try (RunFolder folder = RunFolder.create(out, "loop")) {
            RunResult result = agent.run("test instruction", folder);
            List<String> lines = Files.readAllLines(folder.dir().resolve("steps.jsonl"));
            assertEquals(result.steps(), lines.size(), "one steps.jsonl line per step");
            for (String line : lines) {
                JsonNode step = new ObjectMapper().readTree(line);
                assertTrue(Files.isRegularFile(
                        folder.dir().resolve(step.get("frame").asText())));
            }
            return result;
        }
    }

    @Test
    @DisplayName("ends as finished with the policy's content when it says finished()")
    void finished() throws Exception {
        RunResult r = run(List.of("click(start_box='(5,5)')", "finished(content='all done')"), settings(5));
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals("all done", r.reason());
        assertEquals(2, r.steps());
    }

    @Test
    @DisplayName("ends as call_user when the policy asks for a person")
    void callUser() throws Exception {
        RunResult r = run(List.of("call_user()"), settings(5));
        assertEquals(RunStatus.CALL_USER, r.status());
        assertEquals(1, r.steps());
    }

    @Test
    @DisplayName("ends as max_steps when the step limit is reached first")
    void maxSteps() throws Exception {
        RunResult r = run(
                List.of("click(start_box='(5,5)')", "click(start_box='(6,6)')", "click(start_box='(7,7)')"),
                settings(2));
        assertEquals(RunStatus.MAX_STEPS, r.status());
        assertEquals(2, r.steps());
    }

    @Test
    @DisplayName("ends as error, recording the failed step, when the policy fails")
    void policyError() throws Exception {
        RunResult r = run(List.of("click(start_box='(5,5)')"), settings(5));
        assertEquals(RunStatus.ERROR, r.status());
        assertTrue(r.reason().contains("step 2"), r.reason());
        assertEquals(2, r.steps());
    }

    @Test
    @DisplayName("ends as stopped when asked to stop")
    void stopped() throws Exception {
        Agent agent =
                new Agent(screen, ScriptPolicy.of(Step.action("click(start_box='(5,5)')")), executor, settings(5));
        agent.stop();
        try (RunFolder folder = RunFolder.create(out, "stop")) {
            RunResult r = agent.run("x", folder);
            assertEquals(RunStatus.STOPPED, r.status());
            assertEquals(0, r.steps());
        }
    }

    @Test
    @DisplayName("writes run.json atomically with the status and the checks")
    void runInfo() throws Exception {
        try (RunFolder folder = RunFolder.create(out, "info")) {
            RunInfo info = RunInfo.started(
                    new RunInfo.TaskRef("t", "do it", "test"),
                    "scripted",
                    display,
                    screen.size().toString(),
                    RunInfo.Settings.of(settings(3)),
                    java.time.Instant.now());
            folder.writeRunInfo(info);
            JsonNode running =
                    new ObjectMapper().readTree(folder.dir().resolve("run.json").toFile());
            assertEquals("running", running.get("status").asText());
            folder.writeRunInfo(info.ended(
                    new RunResult(RunStatus.FINISHED, "ok", 1),
                    List.of(new RunInfo.CheckOutcome("state name", true, "name was 'x'")),
                    java.time.Instant.now()));
            JsonNode done =
                    new ObjectMapper().readTree(folder.dir().resolve("run.json").toFile());
            assertEquals("finished", done.get("status").asText());
            assertTrue(done.get("passed").asBoolean());
            assertTrue(Files.notExists(folder.dir().resolve("run.json.tmp")));
        }
    }
}
