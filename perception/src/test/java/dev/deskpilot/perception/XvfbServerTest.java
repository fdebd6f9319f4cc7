package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("XvfbServer")
class XvfbServerTest {
    static final Size SMALL = new Size(320, 240);

    /** A display number with neither lock file nor socket, high enough to avoid everyone else's. */
    private static int freeNumber() {
        while (true) {
            int n = 2000 + ThreadLocalRandom.current().nextInt(20_000);
            if (!Files.exists(XvfbServer.lockFile(n)) && !Files.exists(XvfbServer.socketFile(n))) {
                return n;
            }
        }
    }

    private static long lockPid(int number) throws Exception {
        return Long.parseLong(Files.readString(XvfbServer.lockFile(number)).strip());
    }

    private static int number(XvfbServer server) {
        return Integer.parseInt(server.display().substring(1));
    }

    @Test
    @DisplayName("starts on a display that had no lock file, and the lock names its own pid")
    void startsOnFreeDisplay() throws Exception {
        int free = freeNumber();
        try (var server = XvfbServer.start(SMALL, free)) {
            assertEquals(":" + free, server.display());
            assertEquals(SMALL, server.size());
            assertTrue(server.isRunning());
            assertEquals(server.pid(), lockPid(free));
            assertTrue(Files.exists(XvfbServer.socketFile(free)));
        }
    }

    @Test
    @DisplayName("never takes a display whose lock file exists, even a stale one")
    void skipsLockedDisplay() throws Exception {
        int locked = freeNumber();
        Path lock = XvfbServer.lockFile(locked);
        // A lock left by a process that no longer exists: Xvfb itself would take it over.
        Files.writeString(lock, "  99999999\n", StandardOpenOption.CREATE_NEW);
        try (var server = XvfbServer.start(SMALL, locked)) {
            assertNotEquals(":" + locked, server.display());
            assertEquals("  99999999\n", Files.readString(lock));
            assertEquals(server.pid(), lockPid(number(server)));
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    @Test
    @DisplayName("names the Debian package to install when Xvfb is missing")
    void missingXvfb() {
        var e = assertThrows(IOException.class, () -> XvfbServer.findXvfb("/nonexistent/bin:/nonexistent/sbin"));
        assertTrue(e.getMessage().contains("Debian package xvfb"), e::getMessage);
    }

    @Test
    @DisplayName("close stops the process and removes its lock file and socket")
    void closeStops() throws Exception {
        var server = XvfbServer.start(SMALL);
        int n = number(server);
        var process = ProcessHandle.of(server.pid()).orElseThrow();
        server.close();
        assertFalse(process.isAlive());
        assertFalse(server.isRunning());
        assertFalse(Files.exists(XvfbServer.lockFile(n)), "lock file left behind");
        assertFalse(Files.exists(XvfbServer.socketFile(n)), "socket left behind");
        server.close(); // a second close does nothing
    }

    @Test
    @DisplayName("is stopped when its JVM exits without closing it")
    void stopsAtJvmExit() throws Exception {
        assertStoppedAfterChild(false);
    }

    @Test
    @DisplayName("is stopped when its JVM is killed, which runs no shutdown hooks")
    void stopsWhenJvmKilled() throws Exception {
        assertStoppedAfterChild(true);
    }

    /** Runs {@link XvfbChild} in a new JVM, then lets it exit (or kills it) and checks the server. */
    private static void assertStoppedAfterChild(boolean kill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(List.of(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        XvfbChild.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            var reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String[] started = reader.readLine().split(" "); // "<display number> <pid>"
            int n = Integer.parseInt(started[0]);
            var xvfb = ProcessHandle.of(Long.parseLong(started[1])).orElseThrow();
            if (kill) {
                child.destroyForcibly();
            } else {
                child.getOutputStream().close(); // the child exits when its stdin ends
            }
            child.waitFor();
            Eventually.await("the child's Xvfb to stop", () -> !xvfb.isAlive());
            Eventually.await("the child's lock file to go", () -> !Files.exists(XvfbServer.lockFile(n)));
        } finally {
            child.destroyForcibly();
        }
    }
}
