package dev.deskpilot.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing for the agent to do: an instruction for the policy, the app to do it in, and the checks
 * that decide afterwards whether it was done. Read from a file with {@link TaskFile}.
 *
 * @param id a short name used in run folders and reports: letters, digits, '.', '_' and '-',
 *     starting with a letter or digit
 * @param instruction what the agent is asked to do, in words, as the policy sees it
 * @param app the application to launch before the first step
 * @param steps optional scripted steps for a scripted policy: actions in UI-TARS action text (e.g.
 *     {@code click(start_box='(292,92)')}, points in screen pixels) and steps that name text on the
 *     screen ({@link Step}); empty when a model decides every step
 * @param maxSteps the most steps a run may take; at least 1 and at least the number of scripted steps
 * @param timeouts how long launching, each step and the whole run may take
 * @param checks the conditions judged after the run; may be empty, in which case the run cannot be judged
 * @param baseDir the folder that relative paths in {@code app} and {@code checks} are resolved against
 */
public record Task(
        String id,
        String instruction,
        App app,
        List<Step> steps,
        int maxSteps,
        Timeouts timeouts,
        List<Check> checks,
        Path baseDir) {

    /** The step budget when a task file does not give one (more for scripts with waits: {@link #defaultMaxSteps}). */
    public static final int DEFAULT_MAX_STEPS = 20;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Task {
        Require.nonBlank("id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidFieldException(
                    "id",
                    "must be letters, digits, '.', '_' or '-', starting with a letter or digit, was " + Quote.of(id));
        }
        Require.nonBlank("instruction", instruction);
        Objects.requireNonNull(app, "app");
        steps = List.copyOf(steps);
        Require.atLeast("maxSteps", maxSteps, 1);
        if (maxSteps < steps.size()) {
            throw new InvalidFieldException(
                    "maxSteps",
                    "must be at least the number of scripted steps (" + steps.size() + "), was " + maxSteps);
        }
        Objects.requireNonNull(timeouts, "timeouts");
        checks = List.copyOf(checks);
        Objects.requireNonNull(baseDir, "baseDir");
    }

    /**
     * The step budget for {@code steps} when a task file does not give one: {@link
     * #DEFAULT_MAX_STEPS}, or, for a script with waits, its number of steps plus one per second the
     * waits may take (a wait that has to wait looks again about once a second, one step each).
     */
    public static int defaultMaxSteps(List<Step> steps) {
        long waits = 0;
        for (Step step : steps) {
            waits += switch (step) {
                case Step.Act a -> 0;
                case Step.ClickText c -> 0;
                case Step.WaitForText w -> seconds(w.timeout());
                case Step.WaitUntilGone w -> seconds(w.timeout());
            };
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(DEFAULT_MAX_STEPS, steps.size() + waits));
    }

    private static long seconds(java.time.Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
