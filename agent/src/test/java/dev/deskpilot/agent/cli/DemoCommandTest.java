package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code deskpilot demo} the way a user does: a fresh JVM with no DISPLAY, so the command must
 * start (and stop) its own private Xvfb, fill in the form, and pass its checks.
 */
@DisplayName("deskpilot demo")
class DemoCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("fills in the form on a private Xvfb, exits 0 and leaves a complete run folder")
    void demoPasses(@TempDir Path out) throws Exception {
        String output;
        try (ChildJvm demo = ChildJvm.deskpilot("demo", "--out", out.toString())) {
            int code = demo.waitFor(Duration.ofSeconds(120));
            output = demo.output();
            assertEquals(0, code, output);
        }

        Path runDir = runFolderFrom(output);
        assertTrue(runDir.startsWith(out.toRealPath()) || runDir.startsWith(out), runDir + " not under " + out);

        assertTrue(output.contains("report: " + runDir.resolve("report.html")), output);
        assertTrue(Files.isRegularFile(runDir.resolve("report.html")), "demo writes the run's report");

        JsonNode run = JSON.readTree(runDir.resolve("run.json").toFile());
        assertEquals("finished", run.get("status").asText(), run.toString());
        assertTrue(run.get("passed").asBoolean(), run.toString());

        List<JsonNode> steps = readSteps(runDir);
        assertEquals(run.get("steps").asInt(), steps.size());
        assertTrue(steps.size() >= 4, "the demo script has at least type, tick, press, finish: " + steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            assertEquals(i + 1, step.get("step").asInt());
            assertTrue(Files.isRegularFile(runDir.resolve(step.get("frame").asText())), step.toString());
            assertEquals(1, step.get("actions").size(), step.toString());
            assertEquals(1, step.get("screenActions").size(), step.toString());
            assertEquals("", step.get("error").asText(), step.toString());
        }
        assertTrue(
                steps.get(steps.size() - 1).get("screenActions").get(0).asText().startsWith("finished("));
        assertTrue(
                steps.stream()
                        .anyMatch(s -> s.get("screenActions").get(0).asText().startsWith("click(start_box=")),
                "screen actions carry screen coordinates");
    }

    static Path runFolderFrom(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("run folder: ")) {
                return Path.of(line.substring("run folder: ".length()).trim());
            }
        }
        throw new AssertionError("no 'run folder:' line in output:\n" + output);
    }

    static List<JsonNode> readSteps(Path runDir) throws IOException {
        List<JsonNode> steps = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("steps.jsonl"))) {
            steps.add(JSON.readTree(line));
        }
        return steps;
    }
}
