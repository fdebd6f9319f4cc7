package dev.deskpilot.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The contents of {@code run.json}: what ran, where, with which settings, and how it ended.
 *
 * @param task the task's id, instruction and source file (or bundled resource)
 * @param policy which policy decided, e.g. {@code scripted}
 * @param display the X display the run used, e.g. {@code :94}
 * @param screen the screen size, WIDTHxHEIGHT
 * @param settings the loop's settings
 * @param status how the run ended, {@code running} until it does
 * @param reason a one-line explanation of the status
 * @param steps the number of steps recorded in steps.jsonl
 * @param checks the task's success checks, empty until evaluated
 * @param passed whether every check passed (false until they are evaluated)
 */
public record RunInfo(
        TaskRef task,
        String policy,
        String display,
        String screen,
        Settings settings,
        RunStatus status,
        String reason,
        Instant startedAt,
        Instant endedAt,
        long durationMs,
        int steps,
        List<CheckOutcome> checks,
        boolean passed) {

    public RunInfo {
        Objects.requireNonNull(task, "task");
        checks = List.copyOf(checks);
    }

    /** A run that has just started. */
    public static RunInfo started(
            TaskRef task, String policy, String display, String screen, Settings settings, Instant startedAt) {
        return new RunInfo(
                task,
                policy,
                display,
                screen,
                settings,
                RunStatus.RUNNING,
                "",
                startedAt,
                startedAt,
                0,
                0,
                List.of(),
                false);
    }

    /** The same run, ended. */
    public RunInfo ended(RunResult result, List<CheckOutcome> checks, Instant endedAt) {
        boolean allPassed = !checks.isEmpty() && checks.stream().allMatch(CheckOutcome::passed);
        return new RunInfo(
                task,
                policy,
                display,
                screen,
                settings,
                result.status(),
                result.reason(),
                startedAt,
                endedAt,
                endedAt.toEpochMilli() - startedAt.toEpochMilli(),
                result.steps(),
                checks,
                allPassed);
    }

    /** Which task ran. */
    public record TaskRef(String id, String instruction, String source) {}

    /** The loop's settings as written to run.json. */
    public record Settings(int maxSteps, long settleTimeoutMs, long runTimeoutMs) {
        static Settings of(AgentSettings s) {
            return new Settings(
                    s.maxSteps(), s.settleTimeout().toMillis(), s.runTimeout().toMillis());
        }
    }

    /** One success check and its verdict. */
    public record CheckOutcome(String check, boolean passed, String detail) {}
}
