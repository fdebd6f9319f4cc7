package dev.deskpilot.tasks;

import dev.deskpilot.perception.ScreenText;
import dev.deskpilot.perception.TextMatch;
import dev.deskpilot.perception.TextNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Judges a task's {@link Check checks} after a run. A check that cannot be carried out (a missing
 * file, a command that does not start) fails with the reason in its detail; nothing is thrown.
 */
public final class Checks {
    /** How long a command check may run before it is ended and fails. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private Checks() {}

    /**
     * Judges {@code check} against the running {@code app} (for state checks) and the task's
     * {@code baseDir} (for commands and relative file paths). Without a screen, a text check fails
     * saying so; see {@link #evaluate(Check, RunningApp, Path, Supplier)}.
     */
    public static CheckResult evaluate(Check check, RunningApp app, Path baseDir) {
        return evaluate(check, app, baseDir, () -> {
            throw new IllegalStateException("no screenshot was taken after the run to read text on");
        });
    }

    /**
     * Judges {@code check} like {@link #evaluate(Check, RunningApp, Path)}, and text checks on
     * {@code screenText}: the text of a screenshot taken after the run. It is asked for only by text
     * checks, so a caller can read the screen lazily (and once for all of them); if it throws, the
     * text check fails with the exception's message.
     */
    public static CheckResult evaluate(Check check, RunningApp app, Path baseDir, Supplier<ScreenText> screenText) {
        return switch (check) {
            case Check.AppState s -> appState(s, app.state());
            case Check.CommandExit c -> commandExit(c, baseDir);
            case Check.FileEquals f -> fileEquals(f, baseDir);
            case Check.FileContains f -> fileContains(f, baseDir);
            case Check.TextVisible t -> textVisible(t, screenText);
        };
    }

    private static CheckResult textVisible(Check.TextVisible check, Supplier<ScreenText> screenText) {
        ScreenText screen;
        try {
            screen = screenText.get();
        } catch (RuntimeException e) {
            return new CheckResult(check, false, "the screen could not be read: " + e.getMessage());
        }
        String where = check.target().region().isPresent() ? "in the region" : "on screen";
        if (check.visible()) {
            try {
                TextMatch match = screen.find(check.target());
                return new CheckResult(
                        check, true, check.target().describe() + " is " + where + ": " + match.describe());
            } catch (TextNotFoundException e) {
                return new CheckResult(check, false, "expected it visible, but " + e.getMessage());
            }
        }
        List<TextMatch> found = screen.findAll(check.target());
        if (found.size() < check.target().occurrence()) {
            return new CheckResult(check, true, check.target().describe() + " is not " + where + ", as expected");
        }
        return new CheckResult(
                check,
                false,
                "expected " + check.target().describe() + " not visible, but it is " + where + ": "
                        + found.stream().limit(3).map(TextMatch::describe).collect(Collectors.joining(", ")));
    }

    private static CheckResult appState(Check.AppState check, Map<String, String> state) {
        String key = Quote.of(check.key());
        String value = state.get(check.key());
        if (value == null) {
            return new CheckResult(
                    check,
                    false,
                    "state " + key + " is not reported by the app; "
                            + (state.isEmpty()
                                    ? "it reports no state (only built-in apps do)"
                                    : "it reports " + String.join(", ", new java.util.TreeSet<>(state.keySet()))));
        }
        boolean passed = value.equals(check.equals());
        return new CheckResult(
                check,
                passed,
                "state " + key + " was " + Quote.of(value)
                        + (passed ? ", as expected" : ", expected " + Quote.of(check.equals())));
    }

    private static CheckResult commandExit(Check.CommandExit check, Path baseDir) {
        String command = Processes.describe(check.command());
        Path log;
        try {
            log = Files.createTempFile("deskpilot-check-", ".log");
        } catch (IOException e) {
            return new CheckResult(check, false, command + " could not be run: no log file: " + e);
        }
        try {
            Process process;
            try {
                process = Processes.builder(check.command(), baseDir)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                process.getOutputStream().close();
            } catch (IOException e) {
                return new CheckResult(
                        check,
                        false,
                        command + " could not be started: " + e.getMessage().replaceAll("\\R", " "));
            }
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.destroyTree(process, Duration.ofSeconds(1));
                return new CheckResult(
                        check,
                        false,
                        command + " did not finish within " + Durations.format(COMMAND_TIMEOUT) + ", expected exit "
                                + check.exitCode());
            }
            int exit = process.exitValue();
            boolean passed = exit == check.exitCode();
            String output = Processes.lastLine(log);
            return new CheckResult(
                    check,
                    passed,
                    command + " exited with " + exit
                            + (passed ? ", as expected" : ", expected " + check.exitCode())
                            + (passed || output.isEmpty() ? "" : "; its last output: " + output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(check, false, command + " was interrupted");
        } finally {
            Processes.deleteQuietly(log);
        }
    }

    private static CheckResult fileEquals(Check.FileEquals check, Path baseDir) {
        return judgeFile(check, check.path(), baseDir, (file, content) -> {
            boolean passed = content.equals(check.equals());
            return new CheckResult(
                    check,
                    passed,
                    file + " holds " + Quote.of(content)
                            + (passed ? ", as expected" : ", expected " + Quote.of(check.equals())));
        });
    }

    private static CheckResult fileContains(Check.FileContains check, Path baseDir) {
        return judgeFile(check, check.path(), baseDir, (file, content) -> {
            boolean passed = content.contains(check.contains());
            return new CheckResult(
                    check,
                    passed,
                    passed
                            ? file + " contains " + Quote.of(check.contains())
                            : file + " does not contain " + Quote.of(check.contains()) + "; it holds "
                                    + Quote.of(content));
        });
    }

    /** Reads the file a check names and judges its content; an unreadable file fails the check. */
    private static CheckResult judgeFile(
            Check check, String relativePath, Path baseDir, BiFunction<String, String, CheckResult> judge) {
        String file = "file " + Quote.of(relativePath);
        Path path = baseDir.resolve(relativePath);
        try {
            return judge.apply(file, read(path));
        } catch (IOException e) {
            return new CheckResult(check, false, file + " " + unreadable(path, e));
        }
    }

    /** The file as UTF-8 text; malformed bytes become U+FFFD rather than an error, so the detail can show them. */
    private static String read(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }

    private static String unreadable(Path path, IOException e) {
        if (Files.isDirectory(path)) {
            return "is a folder, not a file (" + path.toAbsolutePath() + ")";
        }
        if (!Files.exists(path)) {
            return "does not exist (looked for " + path.toAbsolutePath() + ")";
        }
        return "cannot be read: " + e;
    }
}
