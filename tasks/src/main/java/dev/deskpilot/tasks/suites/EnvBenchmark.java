package dev.deskpilot.tasks.suites;

import dev.deskpilot.actions.Action;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.Oracle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures how fast a backend runs episodes: each instance is reset (timed), then stepped by its
 * oracle until it ends, each step a capture (timed) and an action (timed) — the work an agent or an
 * RL rollout asks of the environment, without any policy time.
 */
public final class EnvBenchmark {
    private EnvBenchmark() {}

    /** Timings of one backend, in milliseconds; {@code stepsPerSecond} counts a capture plus an action as a step. */
    public record Result(
            String backend,
            int resets,
            int steps,
            Stats resetMs,
            Stats captureMs,
            Stats actMs,
            double resetsPerSecond,
            double capturesPerSecond,
            double actsPerSecond,
            double stepsPerSecond) {}

    /** Mean, median and 90th percentile of a set of timings. */
    public record Stats(double mean, double p50, double p90) {
        static Stats of(List<Double> values) {
            if (values.isEmpty()) {
                return new Stats(0, 0, 0);
            }
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            return new Stats(
                    round(Arrays.stream(v).average().orElse(0)),
                    round(v[(v.length - 1) / 2]),
                    round(v[(int) Math.min(v.length - 1, Math.round(0.9 * (v.length - 1)))]));
        }

        private static double round(double x) {
            return Math.round(x * 1000) / 1000.0;
        }
    }

    /** Runs every instance once on {@code env} (after one untimed warm-up episode) and returns the timings. */
    public static Result measure(Environment env, List<Instance> instances) throws Exception {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one instance");
        }
        episode(env, instances.getFirst(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Double> resets = new ArrayList<>();
        List<Double> captures = new ArrayList<>();
        List<Double> acts = new ArrayList<>();
        for (Instance instance : instances) {
            episode(env, instance, resets, captures, acts);
        }
        double reset = Stats.of(resets).mean();
        double capture = Stats.of(captures).mean();
        double act = Stats.of(acts).mean();
        return new Result(
                env.backend(),
                resets.size(),
                acts.size(),
                Stats.of(resets),
                Stats.of(captures),
                Stats.of(acts),
                perSecond(reset),
                perSecond(capture),
                perSecond(act),
                perSecond(capture + act));
    }

    private static void episode(
            Environment env, Instance instance, List<Double> resets, List<Double> captures, List<Double> acts)
            throws Exception {
        long t0 = System.nanoTime();
        env.reset(instance);
        resets.add(ms(System.nanoTime() - t0));
        Oracle oracle = new Oracle(instance, env);
        for (int step = 0; step < instance.maxSteps() && !env.done(); step++) {
            long t1 = System.nanoTime();
            var frame = env.observe();
            captures.add(ms(System.nanoTime() - t1));
            Action action = oracle.act(frame).getFirst();
            if (action instanceof Action.Finished) {
                return;
            }
            long t2 = System.nanoTime();
            env.act(action);
            acts.add(ms(System.nanoTime() - t2));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double perSecond(double ms) {
        return ms <= 0 ? 0 : Math.round(1000.0 / ms * 10) / 10.0;
    }
}
