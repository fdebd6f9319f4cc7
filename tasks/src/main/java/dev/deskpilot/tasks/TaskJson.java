package dev.deskpilot.tasks;

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
        List<String> steps,
        Integer maxSteps,
        TimeoutsJson timeouts,
        List<CheckJson> checks) {

    /** {@code "app"}: exactly one of the two. */
    record AppJson(String builtin, List<String> command) {}

    /** {@code "timeouts"}: durations such as {@code "10s"}. */
    record TimeoutsJson(String launch, String step, String run) {}

    /** One entry of {@code "checks"}: its kind is the one of {@code state}, {@code command}, {@code file} present. */
    record CheckJson(
            String state, List<String> command, String file, String equals, String contains, Integer exitCode) {}
}
