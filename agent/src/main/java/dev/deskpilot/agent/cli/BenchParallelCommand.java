package dev.deskpilot.agent.cli;

import dev.deskpilot.tasks.env.Episode;
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
            defaultValue = "4",
            description = "Episodes per family (default: ${DEFAULT-VALUE}).")
    int episodes;

    @picocli.CommandLine.Mixin
    BenchCommand.ResultsOption results;

    /** bench/results/parallel.json. */
    record Report(
            String benchmark,
            String createdAt,
            String suite,
            String backend,
            int episodes,
            BenchEnvCommand.Machine machine,
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
        PrintWriter stdout = spec.commandLine().getOut();
        Suite s = EvalCommand.suite(suite);
        // One unmeasured serial pass first, so that class loading and the JIT's warm-up are not
        // charged to K = 1.
        stdout.println("warming up ...");
        stdout.flush();
        run(s, 1);
        List<Level> levels = new ArrayList<>();
        List<Integer> serialRewards = List.of();
        boolean identical = true;
        double serialRate = 0;
        for (int k : new int[] {1, 2, 4}) {
            stdout.println("measuring K = " + k + " ...");
            stdout.flush();
            EvalResult r = run(s, k);
            List<Integer> rewards = r.results().stream().map(Episode::reward).toList();
            double perMinute = r.episodes() * 60_000.0 / Math.max(1, r.durationMs());
            if (k == 1) {
                serialRewards = rewards;
                serialRate = perMinute;
            }
            identical &= rewards.equals(serialRewards);
            levels.add(new Level(k, r.durationMs(), perMinute, perMinute / serialRate, r.meanSuccess()));
        }
        Report report = new Report(
                "parallel",
                Instant.now().toString(),
                s.name(),
                "virtual",
                Evaluation.episodes(s, Suite.Split.TEST, episodes).size(),
                BenchEnvCommand.Machine.here(),
                levels,
                identical,
                List.of(
                        "deskpilot eval " + s.name() + " --policy oracle --episodes " + episodes
                                + " --parallel K, test split; one unmeasured serial pass first.",
                        "Each worker has its own virtual screen, but all Swing work (building, painting, events)"
                                + " runs on the one Swing event thread, so the gain is bounded by the work"
                                + " outside it (instance generation, the oracle, frame copies) and by the cores.",
                        "identicalResults: every K gave the serial run's reward for every episode."));
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

    private EvalResult run(Suite s, int k) throws Exception {
        return Evaluation.run(
                s, Suite.Split.TEST, episodes, k, VirtualEnvironment::new, "oracle", Oracle::new, e -> {});
    }
}
