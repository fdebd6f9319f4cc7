package dev.deskpilot.tasks.suites;

import dev.deskpilot.tasks.env.ActorFactory;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Episode;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.Rollout;
import dev.deskpilot.tasks.families.Families;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a suite's episodes on one backend with one kind of actor and sums them up per family. The
 * headline number is the mean over families of each family's success rate, so a family with more
 * episodes does not weigh more.
 */
public final class Evaluation {
    private Evaluation() {}

    /**
     * The episodes of a split, family by family: the first {@code perFamily} seeds of the split
     * for each family (0 means each family's own count in the suite).
     */
    public static List<EpisodeRef> episodes(Suite suite, Suite.Split split, int perFamily) {
        if (perFamily < 0) {
            throw new IllegalArgumentException("episodes per family must not be negative, was " + perFamily);
        }
        Suite.Seeds seeds = suite.seeds(split);
        List<EpisodeRef> refs = new ArrayList<>();
        for (Suite.Entry entry : suite.families()) {
            int n = perFamily == 0 ? entry.episodes() : perFamily;
            for (long k = 0; k < n; k++) {
                refs.add(new EpisodeRef(entry.family(), k, seeds.seed(k)));
            }
        }
        return refs;
    }

    /**
     * Runs every episode and returns the summary.
     *
     * @param policy how the results name the actor, e.g. {@code oracle}
     * @param onEpisode called after each episode (for progress)
     */
    public static EvalResult run(
            Suite suite,
            Suite.Split split,
            int perFamily,
            Environment env,
            String policy,
            ActorFactory actors,
            Consumer<Episode> onEpisode)
            throws Exception {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(actors, "actors");
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Episode> episodes = new ArrayList<>();
        for (EpisodeRef ref : episodes(suite, split, perFamily)) {
            Instance instance = Families.get(ref.family()).generate(ref.seed(), suite.screen());
            Episode e = Rollout.run(env, instance, actors.create(instance, env));
            episodes.add(e);
            onEpisode.accept(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        return summarise(suite, split, env.backend(), policy, started, took, episodes);
    }

    static EvalResult summarise(
            Suite suite,
            Suite.Split split,
            String backend,
            String policy,
            Instant started,
            Duration took,
            List<Episode> episodes) {
        Map<String, List<Episode>> byFamily = new LinkedHashMap<>();
        for (Suite.Entry entry : suite.families()) {
            byFamily.put(entry.family(), new ArrayList<>());
        }
        for (Episode e : episodes) {
            byFamily.get(e.family()).add(e);
        }
        List<EvalResult.FamilyResult> families = new ArrayList<>();
        for (var entry : byFamily.entrySet()) {
            List<Episode> list = entry.getValue();
            if (list.isEmpty()) {
                continue;
            }
            int successes = (int) list.stream().filter(Episode::success).count();
            double meanSteps = list.stream().mapToInt(Episode::steps).average().orElse(0);
            families.add(new EvalResult.FamilyResult(
                    entry.getKey(), list.size(), successes, (double) successes / list.size(), meanSteps));
        }
        double mean = families.stream()
                .mapToDouble(EvalResult.FamilyResult::success)
                .average()
                .orElse(0);
        return new EvalResult(
                suite.name(),
                split.word(),
                policy,
                backend,
                suite.screen().toString(),
                started.toString(),
                took.toMillis(),
                episodes.size(),
                mean,
                families,
                episodes);
    }
}
