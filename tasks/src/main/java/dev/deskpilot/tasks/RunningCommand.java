package dev.deskpilot.tasks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** An app started as a command: its process, and the file its output goes to until it is closed. */
final class RunningCommand implements RunningApp {
    /** How long the app may take to exit after SIGTERM before it is killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(3);

    private final Process process;
    private final Path log;

    RunningCommand(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    @Override
    public Map<String, String> state() {
        return Map.of();
    }

    @Override
    public void close() {
        Processes.destroyTree(process, EXIT_GRACE);
        Processes.deleteQuietly(log);
    }
}
