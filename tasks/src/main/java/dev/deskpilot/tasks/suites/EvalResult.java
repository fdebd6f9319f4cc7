package dev.deskpilot.tasks.suites;

import dev.deskpilot.tasks.env.Episode;
import java.util.List;

/**
 * What an evaluation found, as written to its results JSON.
 *
 * @param suite the suite's name
 * @param split {@code train} or {@code test}
 * @param policy what acted, e.g. {@code oracle}, {@code random}, {@code model:PATH}
 * @param backend {@code virtual} or {@code xvfb}
 * @param screen the screen size, WIDTHxHEIGHT
 * @param startedAt when the evaluation began (ISO-8601)
 * @param durationMs how long it took
 * @param episodes how many episodes ran
 * @param meanSuccess the mean over families of their success rates
 * @param families per family: episodes, successes, success rate and mean steps
 * @param results every episode
 */
public record EvalResult(
        String suite,
        String split,
        String policy,
        String backend,
        String screen,
        String startedAt,
        long durationMs,
        int episodes,
        double meanSuccess,
        List<FamilyResult> families,
        List<Episode> results) {

    public EvalResult {
        families = List.copyOf(families);
        results = List.copyOf(results);
    }

    /** One family's numbers. */
    public record FamilyResult(String family, int episodes, int successes, double success, double meanSteps) {}
}
