package dev.deskpilot.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Launching apps")
class AppsTest {
    @TempDir
    Path dir;

    static App command(String shell) {
        return new App.Command(List.of("sh", "-c", shell));
    }

    /** Waits for a file the started process writes; the process runs on its own schedule. */
    String awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file);
                if (text.endsWith("\n")) {
                    return text.strip();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(file + " was not written within 10 s");
    }

    @Test
    @DisplayName("an unknown built-in app is refused with the names of the known ones")
    void unknownBuiltIn() {
        var e = assertThrows(AppLaunchException.class, () -> Apps.launch(new App.BuiltIn("from"), dir, ":99"));

        assertEquals("unknown built-in app 'from'; known built-in apps: form", e.getMessage());
        assertTrue(Apps.builtInNames().contains("form"));
    }

    @Test
    @DisplayName("a built-in app is refused in a headless JVM instead of failing inside Swing")
    void builtInHeadless() {
        var e = assertThrows(AppLaunchException.class, () -> Apps.launch(new App.BuiltIn("form"), dir, ":99"));

        assertTrue(
                e.getMessage().startsWith("built-in app 'form' needs a display, but this JVM is headless"),
                e::getMessage);
    }

    @Test
    @DisplayName("display names that mean the same local display are recognised as one")
    void sameDisplay() {
        assertTrue(Apps.sameDisplay(":99", ":99.0"));
        assertTrue(Apps.sameDisplay("localhost:99", ":99"));
        assertFalse(Apps.sameDisplay(":99", ":9"));
        assertFalse(Apps.sameDisplay(":99", ":99.1"));
    }

    @Test
    @DisplayName("a command starts in the task's folder with DISPLAY set, and reports no state")
    void commandEnvironment() throws Exception {
        try (RunningApp app = Apps.launch(command("echo \"$DISPLAY $(pwd)\" > seen.txt; exec sleep 30"), dir, ":42")) {
            assertEquals(":42 " + dir.toRealPath(), awaitFile(dir.resolve("seen.txt")));
            assertEquals(Map.of(), app.state());
        }
    }

    @Test
    @DisplayName("a command that fails right away fails the launch with its status and last output")
    void commandFailsEarly() {
        var e = assertThrows(
                AppLaunchException.class,
                () -> Apps.launch(command("echo 'cannot open display' >&2; exit 3"), dir, ":42"));

        assertEquals(
                "sh -c 'echo '\\''cannot open display'\\'' >&2; exit 3' exited with status 3 right after starting;"
                        + " its last output: 'cannot open display'",
                e.getMessage());
    }

    @Test
    @DisplayName("a program that does not exist fails the launch")
    void commandMissing() {
        var e = assertThrows(
                AppLaunchException.class, () -> Apps.launch(new App.Command(List.of("./no-such-app")), dir, ":42"));

        assertTrue(e.getMessage().startsWith("cannot start ./no-such-app in " + dir), e::getMessage);
    }

    @Test
    @DisplayName("closing a command app ends its process and the processes it started")
    void closeEndsTree() throws Exception {
        RunningApp app = Apps.launch(command("sleep 60 & echo $! > child.txt; echo $$ > parent.txt; wait"), dir, ":42");
        long child = Long.parseLong(awaitFile(dir.resolve("child.txt")));
        long parent = Long.parseLong(awaitFile(dir.resolve("parent.txt")));
        assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));

        app.close();

        assertFalse(alive(parent), "the app's own process still runs");
        assertFalse(alive(child), "the process the app started still runs");
    }

    /** Whether the process still runs; close() waits for exits, so give the OS only a moment to reap. */
    static boolean alive(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return false;
        }
        try {
            handle.get().onExit().get(2, TimeUnit.SECONDS);
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            return true;
        }
    }

    @Test
    @DisplayName("a command that exits cleanly right away is not an error (launchers that hand off do that)")
    void commandExitsCleanly() throws IOException, AppLaunchException {
        try (RunningApp app = Apps.launch(command("exit 0"), dir, ":42")) {
            assertEquals(Map.of(), app.state());
        }
    }
}
