package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} on the real-display backends. This test JVM already shares a private 1024x768 Xvfb
 * with the other desktop tests, so the suite here is made for that screen size.
 */
@DisplayName("deskpilot eval on real windows and in Chromium")
class EvalBackendsTest {
    @TempDir
    Path dir;

    Path suite() throws Exception {
        Path file = dir.resolve("small.json");
        Files.writeString(file, """
                {
                  "name": "small",
                  "screen": "1024x768",
                  "families": [
                    { "family": "login", "episodes": 1 },
                    { "family": "select-option", "episodes": 1 },
                    { "family": "drag-drop", "episodes": 1 }
                  ],
                  "train": { "from": 0, "count": 100 },
                  "test": { "from": 100, "count": 100 }
                }
                """);
        return file;
    }

    @Test
    @DisplayName("--xvfb: the oracle solves each family with real input events in a real window")
    void xvfb() throws Exception {
        var r = EvalCommandTest.run(
                "eval",
                suite().toString(),
                "--xvfb",
                "--out",
                dir.resolve("x.json").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("mean success: 1.000 over 3 episodes", r.lines().getLast());
    }

    @Test
    @DisplayName("--chromium: the oracle solves each family as a web page in Chromium")
    void chromium() throws Exception {
        var r = EvalCommandTest.run(
                "eval",
                suite().toString(),
                "--chromium",
                "--out",
                dir.resolve("c.json").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("mean success: 1.000 over 3 episodes", r.lines().getLast());
    }
}
