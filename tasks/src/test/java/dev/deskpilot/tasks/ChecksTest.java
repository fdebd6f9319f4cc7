package dev.deskpilot.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Checks")
class ChecksTest {
    @TempDir
    Path dir;

    /** An app that reports a fixed state, as a command app reports none. */
    record FixedState(Map<String, String> state) implements RunningApp {
        @Override
        public void close() {}
    }

    static final RunningApp NO_STATE = new FixedState(Map.of());

    CheckResult evaluate(Check check) {
        return Checks.evaluate(check, NO_STATE, dir);
    }

    @Test
    @DisplayName("a command check passes on the expected exit status and fails on another")
    void commandExit() {
        assertTrue(evaluate(new Check.CommandExit(List.of("true"), 0)).passed());
        assertTrue(evaluate(new Check.CommandExit(List.of("false"), 1)).passed());

        CheckResult failed = evaluate(new Check.CommandExit(List.of("false"), 0));

        assertFalse(failed.passed());
        assertEquals("false exited with 1, expected 0", failed.detail());
    }

    @Test
    @DisplayName("a failing command's last line of output is shown in the detail")
    void commandOutput() {
        CheckResult result =
                evaluate(new Check.CommandExit(List.of("sh", "-c", "echo first; echo 'no such row' >&2; exit 3"), 0));

        assertFalse(result.passed());
        assertEquals(
                "sh -c 'echo first; echo '\\''no such row'\\'' >&2; exit 3' exited with 3, expected 0;"
                        + " its last output: 'no such row'",
                result.detail());
    }

    @Test
    @DisplayName("a command runs in the task's folder, where relative program paths resolve too")
    void commandFolder() throws IOException {
        Files.writeString(dir.resolve("marker"), "");
        Path script = Files.writeString(dir.resolve("check.sh"), "#!/bin/sh\ntest -f marker\n");
        script.toFile().setExecutable(true);

        assertTrue(evaluate(new Check.CommandExit(List.of("sh", "-c", "test -f marker"), 0))
                .passed());
        assertTrue(evaluate(new Check.CommandExit(List.of("./check.sh"), 0)).passed());
        assertFalse(Checks.evaluate(
                        new Check.CommandExit(List.of("sh", "-c", "test -f marker"), 0), NO_STATE, dir.resolve(".."))
                .passed());
    }

    @Test
    @DisplayName("a command that cannot start fails the check and says why")
    void commandMissing() {
        CheckResult result = evaluate(new Check.CommandExit(List.of("no-such-program-deskpilot"), 0));

        assertFalse(result.passed());
        assertTrue(result.detail().startsWith("no-such-program-deskpilot could not be started: "), result.detail());
    }

    @Test
    @DisplayName("a file check compares the whole content exactly, and shows both sides when they differ")
    void fileEquals() throws IOException {
        Files.writeString(dir.resolve("out.txt"), "hello\n");

        assertTrue(evaluate(new Check.FileEquals("out.txt", "hello\n")).passed());
        CheckResult result = evaluate(new Check.FileEquals("out.txt", "hello"));

        assertFalse(result.passed());
        assertEquals("file 'out.txt' holds 'hello\\n', expected 'hello'", result.detail());
    }

    @Test
    @DisplayName("a contains check finds a part of the file, and shows the content when it does not")
    void fileContains() throws IOException {
        Files.writeString(dir.resolve("log.txt"), "saved 3 rows\n");

        assertTrue(evaluate(new Check.FileContains("log.txt", "3 rows")).passed());
        CheckResult result = evaluate(new Check.FileContains("log.txt", "4 rows"));

        assertFalse(result.passed());
        assertEquals("file 'log.txt' does not contain '4 rows'; it holds 'saved 3 rows\\n'", result.detail());
    }

    @Test
    @DisplayName("absolute file paths are used as they are")
    void absolutePath() throws IOException {
        Path file = Files.writeString(dir.resolve("abs.txt"), "x");

        assertTrue(Checks.evaluate(new Check.FileEquals(file.toString(), "x"), NO_STATE, Path.of("/"))
                .passed());
    }

    @Test
    @DisplayName("a missing file fails both file checks with the path that was looked for")
    void fileMissing() {
        CheckResult equals = evaluate(new Check.FileEquals("gone.txt", ""));
        CheckResult contains = evaluate(new Check.FileContains("gone.txt", "x"));

        assertFalse(equals.passed());
        assertFalse(contains.passed());
        assertEquals("file 'gone.txt' does not exist (looked for " + dir.resolve("gone.txt") + ")", equals.detail());
    }

    @Test
    @DisplayName("a state check compares the app's value and names both when they differ")
    void appState() {
        RunningApp app = new FixedState(Map.of("name", "Ada"));

        assertTrue(Checks.evaluate(new Check.AppState("name", "Ada"), app, dir).passed());
        CheckResult result = Checks.evaluate(new Check.AppState("name", "Ada Lovelace"), app, dir);

        assertFalse(result.passed());
        assertEquals("state 'name' was 'Ada', expected 'Ada Lovelace'", result.detail());
    }

    @Test
    @DisplayName("a state check on a key the app does not report fails and lists the keys it does report")
    void appStateMissing() {
        RunningApp app = new FixedState(Map.of("name", "Ada", "age", "36"));

        assertEquals(
                "state 'nmae' is not reported by the app; it reports age, name",
                Checks.evaluate(new Check.AppState("nmae", "Ada"), app, dir).detail());
        assertEquals(
                "state 'name' is not reported by the app; it reports no state (only built-in apps do)",
                Checks.evaluate(new Check.AppState("name", "Ada"), NO_STATE, dir)
                        .detail());
    }
}
