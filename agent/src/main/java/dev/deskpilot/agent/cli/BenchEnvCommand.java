package dev.deskpilot.agent.cli;

import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import dev.deskpilot.tasks.env.swing.WindowEnvironment;
import dev.deskpilot.tasks.env.web.ChromiumEnvironment;
import dev.deskpilot.tasks.families.Families;
import dev.deskpilot.tasks.suites.EnvBenchmark;
import dev.deskpilot.tasks.suites.EpisodeRef;
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
        name = "env",
        mixinStandardHelpOptions = true,
        description =
                "Measure environment speed: reset, capture and act (oracle episodes of a suite) per second, for the virtual, the real-window (Xvfb) and the Chromium backends side by side, in one run.")
final class BenchEnvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--suite",
            defaultValue = "smoke",
            description = "The suite whose test instances are run (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(
            names = "--episodes",
            paramLabel = "N",
            defaultValue = "2",
            description = "Episodes per family and backend (default: ${DEFAULT-VALUE}).")
    int episodes;

    @picocli.CommandLine.Mixin
    BenchCommand.ResultsOption results;

    /** bench/results/env.json. */
    record Report(
            String benchmark,
            String createdAt,
            String suite,
            String screen,
            int instances,
            Machine machine,
            List<EnvBenchmark.Result> backends,
            List<String> notes) {}

    /** Where it ran. */
    record Machine(int cores, String java, String os) {
        static Machine here() {
            return new Machine(
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"));
        }
    }

    private static EnvBenchmark.Result measure(Environment env, List<Instance> instances, PrintWriter out)
            throws Exception {
        out.println("measuring " + env.backend() + " on " + instances.size() + " episodes ...");
        out.flush();
        return EnvBenchmark.measure(env, instances);
    }

    @Override
    public Integer call() throws Exception {
        if (episodes < 1) {
            throw new BadInputException("--episodes must be at least 1, was " + episodes);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Suite s = EvalCommand.suite(suite);
        List<EpisodeRef> refs = Evaluation.episodes(s, Suite.Split.TEST, episodes);
        // The real-window backends connect this JVM to their Xvfb, which must happen before
        // anything touches AWT (making an instance measures text, which does): so the window opens
        // first, though it is measured after the virtual one; it is closed before Chromium starts,
        // so that its full-screen window does not cover the browser's.
        List<EnvBenchmark.Result> measured = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        try (Environment window = WindowEnvironment.open(s.screen())) {
            for (EpisodeRef ref : refs) {
                instances.add(Families.get(ref.family()).generate(ref.seed(), s.screen()));
            }
            try (Environment virtual = new VirtualEnvironment()) {
                measured.add(measure(virtual, instances, stdout));
            }
            measured.add(measure(window, instances, stdout));
        }
        try (Environment chromium = ChromiumEnvironment.open(s.screen())) {
            measured.add(measure(chromium, instances, stdout));
        }
        Report report = new Report(
                "env",
                Instant.now().toString(),
                s.name(),
                s.screen().toString(),
                refs.size(),
                Machine.here(),
                measured,
                List.of("A step is one capture plus one action of the oracle; policy time is not included."));
        Path out = results.file("env");
        EvalCommand.write(out, report);
        stdout.printf(
                Locale.ROOT,
                "%-8s  %9s  %11s  %9s  %9s  %10s%n",
                "backend",
                "resets/s",
                "captures/s",
                "acts/s",
                "steps/s",
                "episodes");
        for (EnvBenchmark.Result r : measured) {
            stdout.printf(
                    Locale.ROOT,
                    "%-8s  %9.1f  %11.1f  %9.1f  %9.1f  %10d%n",
                    r.backend(),
                    r.resetsPerSecond(),
                    r.capturesPerSecond(),
                    r.actsPerSecond(),
                    r.stepsPerSecond(),
                    r.resets());
        }
        stdout.println("results: " + out.toAbsolutePath());
        return ExitCodes.OK;
    }
}
