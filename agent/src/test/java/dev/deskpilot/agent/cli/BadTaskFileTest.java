package dev.deskpilot.agent.cli;

import static dev.deskpilot.agent.cli.CliRun.assertOneLineNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot run with a bad task file")
class BadTaskFileTest {
    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    CliRun runTask(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return run(
                "run",
                file.toString(),
                "--display",
                ":9999",
                "--out",
                dir.resolve("runs").toString());
    }

    @Test
    @DisplayName("a JSON syntax error exits 2 naming the file and line")
    void syntaxError() throws Exception {
        CliRun r = runTask("broken.json", "{\n  \"id\": \"t\",\n  \"instruction\": \"x\" \"app\": {}\n}\n");
        assertOneLineNaming(r, "broken.json", ":3:");
    }

    @Test
    @DisplayName("an unknown field exits 2 naming the file, line and field")
    void unknownField() throws Exception {
        CliRun r = runTask(
                "unknown.json",
                "{\n  \"id\": \"t\",\n  \"instruction\": \"x\",\n  \"app\": {\"builtin\": \"form\"},\n"
                        + "  \"mx_steps\": 3\n}\n");
        assertOneLineNaming(r, "unknown.json", ":5:", "mx_steps");
    }

    @Test
    @DisplayName("a field of the wrong type exits 2 naming the file, line and field")
    void wrongType() throws Exception {
        CliRun r = runTask(
                "type.json",
                "{\n  \"id\": \"t\",\n  \"instruction\": \"x\",\n  \"app\": {\"builtin\": \"form\"},\n"
                        + "  \"maxSteps\": \"many\"\n}\n");
        assertOneLineNaming(r, "type.json", ":5:", "maxSteps");
    }

    @Test
    @DisplayName("a missing task file exits 2 naming it")
    void missingFile() {
        CliRun r = run("run", dir.resolve("nope.json").toString(), "--display", ":9999");
        assertOneLineNaming(r, "nope.json");
    }

    @Test
    @DisplayName("an unknown option exits 2 with a hint to --help")
    void unknownOption() {
        CliRun r = run("run", "--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--help"), r.err());
    }

    @Test
    @DisplayName("--help on every command prints usage and exits 0")
    void help() {
        for (String command : new String[] {"run", "demo"}) {
            CliRun r = run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("Usage: deskpilot " + command), r.out());
        }
        CliRun root = run("--help");
        assertEquals(0, root.code());
        assertTrue(root.out().contains("Exit codes"), root.out());
    }
}
