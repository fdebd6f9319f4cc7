package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Displays;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task files that name text instead of coordinates, run with {@code deskpilot run} on the built-in form. */
@DisplayName("deskpilot run with text steps and text checks")
class TextTaskTest {
    static final String EXAMPLE = "dev/deskpilot/tasks/examples/form-text-demo.json";

    @TempDir
    Path dir;

    @Test
    @DisplayName("the bundled text example fills in the form by text alone on a private Xvfb and passes")
    void examplePasses() throws Exception {
        Path task = dir.resolve("form-text-demo.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EXAMPLE)) {
            Files.write(task, in.readAllBytes());
        }
        String json = Files.readString(task);
        assertFalse(json.contains("start_box"), "the example names no coordinates");

        String output;
        try (ChildJvm run = ChildJvm.deskpilot(
                "run", task.toString(), "--out", dir.resolve("runs").toString())) {
            int code = run.waitFor(Duration.ofSeconds(180));
            output = run.output();
            assertEquals(0, code, output);
        }
        assertTrue(output.contains("check passed: text 'Submitted: Ada Lovelace, subscribed' is on screen: "), output);
        assertTrue(output.contains("check passed: text 'Not submitted yet' is not on screen, as expected"), output);

        Path runDir = DemoCommandTest.runFolderFrom(output);
        List<JsonNode> steps = DemoCommandTest.readSteps(runDir);
        List<String> thoughts =
                steps.stream().map(s -> s.get("thought").asText()).toList();
        assertTrue(thoughts.stream().anyMatch(t -> t.contains("click on text 'Your full name': ")), thoughts::toString);
        assertTrue(
                thoughts.stream().anyMatch(t -> t.contains("click on text 'Submit': 'Submit' at (")),
                thoughts::toString);
        assertTrue(
                steps.stream()
                        .anyMatch(s -> s.get("screenActions").get(0).asText().startsWith("click(start_box=")),
                "text steps are recorded as canonical clicks");
        assertTrue(
                Files.size(runDir.resolve("frames/final.png")) > 0,
                "the screenshot the text checks were judged on is kept");
        assertEquals(
                "finished",
                DemoCommandTest.JSON
                        .readTree(runDir.resolve("run.json").toFile())
                        .get("status")
                        .asText());
    }

    @Test
    @DisplayName(
            "a text that is not on screen ends the run with the nearest texts, no stack trace, and judges the checks")
    void missingText() throws Exception {
        Path task = dir.resolve("typo.json");
        Files.writeString(task, """
                {
                  "id": "typo",
                  "instruction": "Sign Grace Hopper up",
                  "app": { "builtin": "form" },
                  "steps": [
                    { "click": "Your full name" },
                    "type(content='Grace Hopper')",
                    { "click": "Sumbit" },
                    "finished(content='done')"
                  ],
                  "checks": [
                    { "text": "Submitted: Grace Hopper" },
                    { "text": "Your full name", "visible": false }
                  ]
                }
                """);

        CliRun r = CliRun.of(
                "run",
                task.toString(),
                "--display",
                Displays.ensurePrivateXvfb(new Size(1024, 768)),
                "--out",
                dir.resolve("runs").toString());

        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(
                r.out()
                        .contains("status: error (policy failed at step 3: script step 3: text 'Sumbit' not found on"
                                + " screen; nearest: 'Submit' at ("),
                r.out());
        assertTrue(
                r.out()
                        .contains("check FAILED: expected it visible, but text 'Submitted: Grace Hopper' not found on"
                                + " screen; nearest: "),
                r.out());
        assertTrue(r.out().contains("check passed: text 'Your full name' is not on screen, as expected"), r.out());
        assertFalse((r.out() + r.err()).contains("Exception"), r.out() + r.err());
        assertEquals(
                3,
                DemoCommandTest.readSteps(DemoCommandTest.runFolderFrom(r.out()))
                        .size(),
                "the two steps before the failing one are kept, and the failing one is recorded");
    }
}
