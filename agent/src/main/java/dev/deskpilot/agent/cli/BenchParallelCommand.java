package dev.deskpilot.agent.cli;

import dev.deskpilot.tasks.env.Oracle;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import dev.deskpilot.tasks.suites.EvalResult;
import dev.deskpilot.tasks.suites.Evaluation;
import dev.deskpilot.tasks.suites.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "parallel",
        mixinStandardHelpOptions = true,
        description = {
            "Measure eval throughput (oracle episodes per minute on the virtual backend) at K = 1, 2 and 4",
            "episodes at a time, and check that every K gives the serial run's rewards."
        })
final class BenchParallelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--suite",
            defaultValue = "smoke",
            description = "The suite whose test episodes are run (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(
            names = "--episodes",
            paramLabel = "N",
            defaultValue = "20",
            description = "Episodes per family (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            defaultValue = "5",
            description =
                    "Measured runs per K, interleaved; each K's figure is its median (default: ${DEFAULT-VALUE}).")
    int rounds;

    @picocli.CommandLine.Mixin
    BenchCommand.ResultsOption results;

    /** bench/results/parallel.json. */
    record Report(
            String benchmark,
            String createdAt,
            String suite,
            String backend,
            int episodes,
            int rounds,
            BenchEnvCommand.Machine machine,
            double loadAverageBefore,
            double loadAverageAfter,
            List<Level> levels,
            boolean identicalResults,
            List<String> notes) {}

    /** One K's figures. */
    record Level(int parallel, long durationMs, double episodesPerMinute, double speedup, double meanSuccess) {}

    @Override
    public Integer call() throws Exception {
        if (episodes < 1) {
            throw new BadInputException("--episodes must be at least 1, was " + episodes);
        }
        if (rounds < 1) {
            throw new BadInputException("--rounds must be at least 1, was " + rounds);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Suite s = EvalCommand.suite(suite);
        // One unmeasured serial pass first, so that class loading and the JIT's warm-up are not
        // charged to K = 1.
        stdout.println("warming up ...");
        stdout.flush();
        run(s, 1);
        double loadBefore = loadAverage();
        int[] ks = {1, 2, 4};
        long[][] millis = new long[ks.length][rounds];
        List<String> serialRewards = null;
        boolean identical = true;
        double[] means = new double[ks.length];
        int count = 0;
        // The rounds interleave the K values, so that the JIT's progress and other load on the
        // machine fall on every K alike; each K's figure is its median round.
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < ks.length; i++) {
                stdout.println("round " + (round + 1) + " of " + rounds + ", K = " + ks[i] + " ...");
                stdout.flush();
                EvalResult r = run(s, ks[i]);
                List<String> rewards = r.results().stream()
                        .map(e -> e.instance() + " " + e.reward() + " " + e.steps())
                        .toList();
                if (serialRewards == null) {
                    serialRewards = rewards;
                }
                identical &= rewards.equals(serialRewards);
                millis[i][round] = Math.max(1, r.durationMs());
                means[i] = r.meanSuccess();
                count = r.episodes();
            }
        }
        List<Level> levels = new ArrayList<>();
        double serialRate = 0;
        for (int i = 0; i < ks.length; i++) {
            long[] sorted = millis[i].clone();
            java.util.Arrays.sort(sorted);
            long median = sorted[sorted.length / 2];
            double perMinute = count * 60_000.0 / median;
            if (i == 0) {
                serialRate = perMinute;
            }
            levels.add(new Level(ks[i], median, perMinute, perMinute / serialRate, means[i]));
        }
        Report report = new Report(
                "parallel",
                Instant.now().toString(),
                s.name(),
                "virtual",
                Evaluation.episodes(s, Suite.Split.TEST, episodes).size(),
                rounds,
                BenchEnvCommand.Machine.here(),
                loadBefore,
                loadAverage(),
                levels,
                identical,
                List.of(
                        "deskpilot eval " + s.name() + " --policy oracle --episodes " + episodes
                                + " --parallel K, test split; one unmeasured serial pass first, then the rounds with K = 1, 2, 4"
                                + " in turn; each K's duration is its median round.",
                        "Each worker has its own virtual screen, but all Swing work (building, painting, events)"
                                + " runs on the one Swing event thread, so the gain is bounded by the work"
                                + " outside it (instance generation, the oracle, frame copies) and by the cores.",
                        "identicalResults: every run gave the first serial run's reward and step count for every episode.",
                        "The machine is shared: other processes' load (see loadAverageBefore and After, one-minute averages) slows every K, the"
                                + " parallel ones most."));
        Path out = results.file("parallel");
        EvalCommand.write(out, report);
        stdout.printf(Locale.ROOT, "%-3s  %12s  %15s  %8s%n", "K", "duration ms", "episodes/min", "speedup");
        for (Level l : levels) {
            stdout.printf(
                    Locale.ROOT,
                    "%-3d  %12d  %15.1f  %7.2fx%n",
                    l.parallel(),
                    l.durationMs(),
                    l.episodesPerMinute(),
                    l.speedup());
        }
        stdout.println("identical results: " + identical);
        stdout.println("results: " + out.toAbsolutePath());
        return identical ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The system's one-minute load average, or -1 where the system does not tell. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private EvalResult run(Suite s, int k) throws Exception {
        return Evaluation.run(
                s, Suite.Split.TEST, episodes, k, VirtualEnvironment::new, "oracle", Oracle::new, e -> {});
    }
}
