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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** Opens one environment for one worker of a parallel evaluation. */
    @FunctionalInterface
    public interface EnvironmentOpener {
        Environment open() throws Exception;
    }

    /**
     * Runs every episode on {@code workers} threads, each with an environment of its own, and
     * returns the same summary as a serial {@link #run}: the episodes are listed in suite order
     * whatever order they finished in, and each depends only on its instance and its actor, so the
     * rewards and the mean are those of a serial run with the same seeds.
     *
     * @param opener opens each worker's environment; every one is closed before this returns
     * @param onEpisode called after each episode (for progress), one call at a time
     */
    public static EvalResult run(
            Suite suite,
            Suite.Split split,
            int perFamily,
            int workers,
            EnvironmentOpener opener,
            String policy,
            ActorFactory actors,
            Consumer<Episode> onEpisode)
            throws Exception {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(actors, "actors");
        List<EpisodeRef> refs = episodes(suite, split, perFamily);
        Episode[] done = new Episode[refs.size()];
        AtomicInteger next = new AtomicInteger();
        String[] backend = {""};
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int w = 0; w < Math.min(workers, Math.max(1, refs.size())); w++) {
            jobs.add(() -> {
                try (Environment env = opener.open()) {
                    synchronized (backend) {
                        backend[0] = env.backend();
                    }
                    for (int i = next.getAndIncrement(); i < refs.size(); i = next.getAndIncrement()) {
                        EpisodeRef ref = refs.get(i);
                        Instance instance = Families.get(ref.family()).generate(ref.seed(), suite.screen());
                        Episode e = Rollout.run(env, instance, actors.create(instance, env));
                        done[i] = e;
                        synchronized (onEpisode) {
                            onEpisode.accept(e);
                        }
                    }
                } catch (Exception | Error e) {
                    // One worker's failure fails the evaluation, as it would a serial run: the others stop
                    // after their current episode.
                    next.set(refs.size());
                    throw e;
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case Exception cause -> throw cause;
                        case Error cause -> throw cause;
                        default -> throw e;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        synchronized (backend) {
            return summarise(suite, split, backend[0], policy, started, took, List.of(done));
        }
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
