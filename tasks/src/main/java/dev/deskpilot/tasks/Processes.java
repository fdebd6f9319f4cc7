package dev.deskpilot.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Starting and ending the processes behind command apps and command checks. */
final class Processes {
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\w@%+=:,./-]+");

    private Processes() {}

    /**
     * A builder for {@code command} run in {@code dir}. A relative program path with a slash
     * ({@code ./app.sh}, {@code bin/app}) is resolved against {@code dir}, as a shell started there
     * would; a bare name is left for the {@code PATH} lookup.
     */
    static ProcessBuilder builder(List<String> command, Path dir) {
        List<String> line = new ArrayList<>(command);
        String program = line.get(0);
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            line.set(0, dir.resolve(program).normalize().toString());
        }
        return new ProcessBuilder(line).directory(dir.toFile());
    }

    /**
     * Ends {@code process} and every process it started: asks politely (SIGTERM) first, and kills
     * whatever is still running after {@code grace}. The descendants are listed before anything is
     * ended, because an orphaned child no longer shows up as a descendant.
     */
    static void destroyTree(Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // Killed below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The command as one would type it in a shell, e.g. {@code sh -c 'exit 3'}. */
    static String describe(List<String> command) {
        return command.stream()
                .map(arg -> PLAIN_WORD.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** The last non-blank line a process wrote to {@code log}, quoted; empty if it wrote nothing. */
    static String lastLine(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
            return lines.isEmpty() ? "" : Quote.of(lines.get(lines.size() - 1).strip());
        } catch (IOException e) {
            return "";
        }
    }

    /** Deletes a log file; a leftover file in the temp folder is not worth failing for. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the temp folder's own clean-up.
        }
    }
}
