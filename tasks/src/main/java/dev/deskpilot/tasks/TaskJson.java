package dev.deskpilot.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The task file's JSON shape as Jackson binds it. Every field is optional here, and absent fields
 * are {@code null}, so that {@link TaskFileReader} can name a missing field itself; the record
 * components are listed in the documented order, which error messages reuse.
 */
record TaskJson(
        String id,
        String instruction,
        AppJson app,
        List<StepJson> steps,
        Integer maxSteps,
        TimeoutsJson timeouts,
        List<CheckJson> checks) {

    /** {@code "app"}: exactly one of the two. */
    record AppJson(String builtin, List<String> command) {}

    /** {@code "timeouts"}: durations such as {@code "10s"}. */
    record TimeoutsJson(String launch, String step, String run) {}

    /**
     * One entry of {@code "steps"}: a string (UI-TARS action text, kept in {@code action}) or an
     * object whose kind is the one of {@code click}, {@code doubleClick}, {@code rightClick}, {@code
     * waitFor}, {@code waitUntilGone} present. {@code action} is not a field of the object form.
     */
    record StepJson(
            String click,
            String doubleClick,
            String rightClick,
            String waitFor,
            String waitUntilGone,
            List<Integer> region,
            Integer occurrence,
            String timeout,
            String action) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        StepJson {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static StepJson action(String action) {
            return new StepJson(null, null, null, null, null, null, null, null, action);
        }
    }

    /**
     * One entry of {@code "checks"}: its kind is the one of {@code state}, {@code command}, {@code
     * file}, {@code text} present.
     */
    record CheckJson(
            String state,
            List<String> command,
            String file,
            String text,
            String equals,
            String contains,
            Integer exitCode,
            Boolean visible,
            List<Integer> region) {}
}
