package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot eval")
class EvalCommandTest {
    @TempDir
    Path dir;

    /** What a command printed and returned. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("the oracle solves one episode of every family, and the last line gives the mean over families")
    void oracle() throws Exception {
        Path results = dir.resolve("results.json");
        Run r = run("eval", "smoke", "--episodes", "1", "--out", results.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("mean success: 1.000 over 14 episodes", r.lines().getLast());
        assertTrue(r.out().contains("click-button") && r.out().contains("multi-step-form"), r.out());
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertEquals("oracle", json.get("policy").asText());
        assertEquals("test", json.get("split").asText());
        assertEquals(14, json.get("families").size());
        assertEquals(14, json.get("results").size());
        for (JsonNode f : json.get("families")) {
            assertEquals(1.0, f.get("success").asDouble(), f.toString());
        }
    }

    @Test
    @DisplayName("random actions fall short of --require, which makes the exit code 1")
    void randomFallsShort() {
        Run r = run(
                "eval",
                "smoke",
                "--policy",
                "random",
                "--episodes",
                "2",
                "--require",
                "0.5",
                "--out",
                dir.resolve("r.json").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.lines().getLast().matches("mean success: 0\\.\\d{3} over 28 episodes"), r.out());
    }

    @Test
    @DisplayName("bad input exits 2 with one line saying what is wrong")
    void badInput() {
        Run split = run("eval", "smoke", "--split", "validation");
        assertEquals(2, split.code());
        assertTrue(split.err().contains("--split must be train or test"), split.err());

        Run suite = run("eval", "no-such-suite");
        assertEquals(2, suite.code());
        assertTrue(suite.err().contains("bundled: core, smoke"), suite.err());

        Run model = run("eval", "smoke", "--model", "model.onnx");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("model runtime"), model.err());
    }
}
