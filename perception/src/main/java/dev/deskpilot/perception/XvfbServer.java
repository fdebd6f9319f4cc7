package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private X virtual framebuffer that this JVM started and will stop: the display that real
 * applications, {@link RobotScreen} and a Robot executor share when no physical screen is wanted.
 *
 * <p>Other people's X servers may run beside ours, so {@link #start} never takes a display number
 * that has a lock file or a socket, and after start-up it checks that the lock file names our own
 * Xvfb process (a server that raced us to the same number wins and we move on).
 *
 * <p>The server stops on {@link #close()} and whenever this JVM ends, however it ends. Xvfb runs
 * under a small {@code sh} watchdog that holds the read end of a pipe from this JVM; when the JVM
 * exits, or is killed, the kernel closes the pipe and the watchdog stops Xvfb. This replaces a
 * shutdown hook on purpose: a hook stops the server while AWT is still connected to it, and Xlib
 * answers the lost connection by calling {@code exit(1)}, so every clean exit would end with status
 * 1 (observed: Maven Surefire reported the test JVM as crashed).
 */
public final class XvfbServer implements AutoCloseable {
    /** How long Xvfb may take to accept connections; it needs ~0.1–0.5 s on a loaded 2-core machine. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int FIRST_CANDIDATE = 90;
    private static final int CANDIDATE_SPREAD = 900;
    private static final int MAX_ATTEMPTS = 40;
    private static final Path TMP = Path.of("/tmp");

    /**
     * Starts Xvfb in the background and prints its pid. A background reader waits for end-of-file
     * on the watchdog's standard input (this JVM closed it, or died) and then stops Xvfb. The
     * watchdog itself waits for Xvfb, so it exits exactly when Xvfb has exited and been reaped;
     * it then ends the reader, which therefore never signals a pid that might have been reused.
     * {@code $0} is the Xvfb binary. (Background jobs of a non-interactive shell read /dev/null,
     * hence the copy of standard input on fd 3.)
     */
    private static final String WATCHDOG = String.join(
            "\n",
            "exec 3<&0",
            "\"$0\" \"$@\" </dev/null >/dev/null 3<&- &",
            "xvfb=$!",
            "echo $xvfb",
            "{ while read -r _; do :; done; kill $xvfb 2>/dev/null; } <&3 &",
            "reader=$!",
            "exec 3<&-",
            "wait $xvfb",
            "kill $reader 2>/dev/null");

    private final int number;
    private final Size size;
    private final Process watchdog;
    private final ProcessHandle xvfb;
    private boolean closed;

    private XvfbServer(int number, Size size, Process watchdog, ProcessHandle xvfb) {
        this.number = number;
        this.size = size;
        this.watchdog = watchdog;
        this.xvfb = xvfb;
    }

    /**
     * Starts a private Xvfb with a 24-bit screen of the given size on a free display number, and
     * returns once it accepts connections.
     *
     * @throws IOException if Xvfb is not installed, or no server could be started (the message
     *     carries Xvfb's own error output)
     */
    public static XvfbServer start(Size size) throws IOException {
        Objects.requireNonNull(size, "size");
        return start(size, FIRST_CANDIDATE + ThreadLocalRandom.current().nextInt(CANDIDATE_SPREAD));
    }

    /**
     * Like {@link #start(Size)}, but searches for a free display number from {@code firstCandidate}
     * upwards. For tests that must know where the search begins.
     */
    static XvfbServer start(Size size, int firstCandidate) throws IOException {
        Path binary = findXvfb(Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin"));
        List<String> failures = new ArrayList<>();
        int candidate = firstCandidate;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++, candidate++) {
            if (!isFree(candidate)) {
                continue;
            }
            Optional<XvfbServer> server = tryStart(binary, candidate, size, failures);
            if (server.isPresent()) {
                return server.get();
            }
        }
        String why = failures.isEmpty()
                ? " (all were taken)"
                : ": " + failures.getFirst()
                        + (failures.size() > 1 ? "\n(and " + (failures.size() - 1) + " more failed starts)" : "");
        throw new IOException(
                "could not start Xvfb on any free display from :" + firstCandidate + " to :" + (candidate - 1) + why);
    }

    /** The X display name, e.g. {@code :93}, for {@code DISPLAY} and {@link Displays#connect}. */
    public String display() {
        return ":" + number;
    }

    /** The screen size Xvfb was started with. */
    public Size size() {
        return size;
    }

    /** The process id of the Xvfb server, as written in its lock file. */
    public long pid() {
        return xvfb.pid();
    }

    /** Whether the server is still running. */
    public boolean isRunning() {
        // The watchdog exits as soon as Xvfb has exited; Xvfb's own handle would still report a
        // zombie as alive until the watchdog reaps it.
        return watchdog.isAlive();
    }

    /**
     * Stops the server (by its pid) and waits until it has exited; calling it again does nothing.
     * Stop the applications that use the display first, or they lose their X connection.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        xvfb.destroy(); // SIGTERM: Xvfb removes its lock file and socket on the way out
        if (!waitFor(watchdog.toHandle(), STOP_TIMEOUT)) {
            xvfb.destroyForcibly();
            waitFor(watchdog.toHandle(), STOP_TIMEOUT);
        }
        closeQuietly(watchdog.getOutputStream());
        closeQuietly(watchdog.getInputStream());
        if (watchdog.isAlive()) {
            watchdog.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "Xvfb " + display() + " " + size + " (pid " + xvfb.pid() + ")";
    }

    static Path lockFile(int number) {
        return TMP.resolve(".X" + number + "-lock");
    }

    static Path socketFile(int number) {
        return TMP.resolve(".X11-unix").resolve("X" + number);
    }

    private static boolean isFree(int number) {
        return !Files.exists(lockFile(number)) && !Files.exists(socketFile(number));
    }

    private static Optional<XvfbServer> tryStart(Path binary, int number, Size size, List<String> failures)
            throws IOException {
        List<String> command = List.of(
                "/bin/sh",
                "-c",
                WATCHDOG,
                binary.toString(), // $0 of the script: the Xvfb to run
                ":" + number,
                "-screen",
                "0",
                size.width() + "x" + size.height() + "x24",
                "-nolisten",
                "tcp",
                // Without -noreset the server resets (dropping keymap changes and windows) whenever
                // its last client disconnects, e.g. between two short-lived xdotool calls.
                "-noreset");
        Process watchdog = new ProcessBuilder(command).start();
        var log = ProcessOutputTail.drain(watchdog.getErrorStream(), "xvfb-:" + number + "-stderr");
        long pid;
        try {
            pid = readXvfbPid(watchdog);
        } catch (IOException e) {
            watchdog.destroyForcibly();
            throw new IOException("could not start Xvfb through /bin/sh: " + e.getMessage() + tail(log), e);
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            failures.add("Xvfb :" + number + " exited at start-up" + tail(log));
            closeQuietly(watchdog.getOutputStream());
            waitFor(watchdog.toHandle(), STOP_TIMEOUT);
            return Optional.empty();
        }
        ProcessHandle xvfb = handle.get();
        XvfbServer server = new XvfbServer(number, size, watchdog, xvfb);
        try {
            awaitSocket(number, watchdog);
        } catch (TimeoutException e) {
            String why = "Xvfb " + server.display() + " did not accept connections within "
                    + STARTUP_TIMEOUT.toSeconds() + " s" + tail(log);
            server.close();
            throw new IOException(why);
        } catch (IOException e) {
            String why = "Xvfb :" + number + " exited at start-up" + tail(log);
            server.close();
            failures.add(why);
            return Optional.empty();
        }
        // Another server may have taken this number between our check and Xvfb's start; then the
        // socket we reached is theirs, and our Xvfb is exiting or must not be used.
        Optional<Long> lockPid = readLockPid(number);
        if (lockPid.isEmpty() || lockPid.get() != xvfb.pid()) {
            failures.add("display :" + number + " is held by pid "
                    + lockPid.map(String::valueOf).orElse("?"));
            server.close();
            return Optional.empty();
        }
        return Optional.of(server);
    }

    private static long readXvfbPid(Process watchdog) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII));
        String line = reader.readLine();
        if (line == null) {
            throw new IOException("the watchdog printed no pid");
        }
        try {
            return Long.parseLong(line.strip());
        } catch (NumberFormatException e) {
            throw new IOException("the watchdog printed '" + line + "' instead of a pid");
        }
    }

    /**
     * Waits until the server's unix socket accepts a connection.
     *
     * @throws IOException if Xvfb exited first
     * @throws TimeoutException if it neither exited nor accepted in time
     */
    private static void awaitSocket(int number, Process watchdog) throws IOException, TimeoutException {
        var address = UnixDomainSocketAddress.of(socketFile(number));
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!watchdog.isAlive()) {
                throw new IOException("Xvfb exited");
            }
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(address);
                return;
            } catch (IOException notYet) {
                // No socket yet, or nobody listening on it yet.
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException();
            }
            sleep(Duration.ofMillis(20));
        }
    }

    private static Optional<Long> readLockPid(int number) {
        try {
            return Optional.of(Long.parseLong(Files.readString(lockFile(number)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The Xvfb executable on a search path such as {@code $PATH}. */
    static Path findXvfb(String searchPath) throws IOException {
        for (String dir : searchPath.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "Xvfb");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException("Xvfb is not installed (no executable 'Xvfb' on PATH);"
                + " install the Debian package xvfb: apt-get install xvfb");
    }

    private static String tail(ProcessOutputTail log) {
        List<String> lines = log.lines(Duration.ofSeconds(1));
        return lines.isEmpty() ? " (Xvfb wrote nothing to stderr)" : "; Xvfb stderr:\n  " + String.join("\n  ", lines);
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Xvfb", e);
        }
    }

    private static void closeQuietly(java.io.Closeable stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The watchdog is gone already; nothing left to signal.
        }
    }
}
