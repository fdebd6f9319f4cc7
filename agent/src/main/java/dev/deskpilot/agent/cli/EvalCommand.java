package dev.deskpilot.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.deskpilot.tasks.env.ActorFactory;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Oracle;
import dev.deskpilot.tasks.env.RandomActor;
import dev.deskpilot.tasks.suites.EvalResult;
import dev.deskpilot.tasks.suites.Evaluation;
import dev.deskpilot.tasks.suites.Suite;
import dev.deskpilot.tasks.suites.SuiteFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Run a suite's episodes and report the success rate per task family.",
            "Prints a table, writes the results as JSON, and ends with 'mean success: X.XXX over N episodes'"
                    + " (the mean over families)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the episodes ran (and reached --require, if given)",
            "1:the mean success is below --require, or the run failed",
            "2:bad input"
        })
final class EvalCommand implements Callable<Integer> {
    static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Who acts in the episodes. */
    enum PolicyKind {
        oracle,
        random
    }

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "SUITE",
            description = "A suite file, or the name of a bundled suite (" + "core, smoke" + ").")
    String suite;

    @Option(
            names = "--policy",
            defaultValue = "oracle",
            description = "Who acts: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PolicyKind policy;

    @Option(
            names = "--model",
            paramLabel = "M",
            description = "Let a model policy act instead (overrides --policy); needs a model runtime.")
    Path model;

    @Option(
            names = "--episodes",
            paramLabel = "N",
            description = "Episodes per family (default: each family's count in the suite).")
    Integer episodes;

    @Option(
            names = "--split",
            defaultValue = "test",
            description = "Which seeds: train or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    BackendOptions backend;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the results JSON (default: runs/eval-SUITE-SPLIT-POLICY-BACKEND.json).")
    Path out;

    @Option(
            names = "--junit",
            paramLabel = "FILE",
            description = "Where to write the episodes as JUnit XML, one test case per episode"
                    + " (default: beside the results JSON, X.json becoming X.junit.xml).")
    Path junit;

    @Option(
            names = "--parallel",
            paramLabel = "K",
            defaultValue = "1",
            description = "Run K episodes at a time, each on a virtual screen of its own (--virtual only;"
                    + " the results are those of a serial run). Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(
            names = "--require",
            paramLabel = "X",
            description = "Exit with 1 when the mean success is below X (0..1), e.g. for CI.")
    Double require;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Suite.Split which = split(split);
        if (episodes != null && episodes < 1) {
            throw new BadInputException("--episodes must be at least 1, was " + episodes);
        }
        if (require != null && (require < 0 || require > 1)) {
            throw new BadInputException("--require must be between 0 and 1, was " + require);
        }
        if (parallel < 1) {
            throw new BadInputException("--parallel must be at least 1, was " + parallel);
        }
        if (parallel > 1 && !backend.name().equals("virtual")) {
            // The Xvfb and Chromium backends connect the whole JVM to one X display, so K of them
            // would need K JVMs; until then, parallel runs are for the in-process backend.
            throw new BadInputException("--parallel currently supports --virtual only (--" + backend.name()
                    + " needs one X display per JVM); drop --parallel or use --virtual");
        }
        Suite s = suite(suite);
        ActorFactory actors = actors();
        String policyName = model != null ? "model:" + model : policy.name();
        int perFamily = episodes == null ? 0 : episodes;
        int total = Evaluation.episodes(s, which, perFamily).size();
        stdout.printf(
                "suite %s, %s split, policy %s, backend %s: %d episodes%n",
                s.name(), which.word(), policyName, backend.name(), total);
        stdout.flush();
        EvalResult result;
        if (parallel > 1) {
            try (ProgressBar bar = Progress.bar("eval", total, stderr)) {
                result = Evaluation.run(
                        s,
                        which,
                        perFamily,
                        parallel,
                        () -> backend.open(s.screen()),
                        policyName,
                        actors,
                        e -> bar.step());
            }
        } else {
            try (Environment env = backend.open(s.screen());
                    ProgressBar bar = Progress.bar("eval", total, stderr)) {
                result = Evaluation.run(s, which, perFamily, env, policyName, actors, e -> bar.step());
            }
        }
        stderr.println();
        Path file = out != null
                ? out
                : Path.of(
                        "runs",
                        "eval-" + s.name() + "-" + which.word() + "-" + policyName.replaceAll("[^A-Za-z0-9._-]", "_")
                                + "-" + backend.name() + ".json");
        write(file, result);
        Path xml = junit != null ? junit : JunitReport.besides(file);
        JunitReport.write(xml, result);
        printTable(stdout, result);
        stdout.println("results: " + file.toAbsolutePath());
        stdout.println("junit: " + xml.toAbsolutePath());
        stdout.printf(Locale.ROOT, "mean success: %.3f over %d episodes%n", result.meanSuccess(), result.episodes());
        return require != null && result.meanSuccess() < require ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private ActorFactory actors() throws BadInputException {
        if (model != null) {
            throw new BadInputException("--model " + model + ": this build has no model runtime yet (the vlm module);"
                    + " model policies will plug in here through the Policy interface");
        }
        return switch (policy) {
            case oracle -> Oracle::new;
            case random ->
                (instance, env) ->
                        new RandomActor(instance.seed(), instance.scene().window());
        };
    }

    static Suite.Split split(String word) throws BadInputException {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "train" -> Suite.Split.TRAIN;
            case "test" -> Suite.Split.TEST;
            default -> throw new BadInputException("--split must be train or test, was '" + word + "'");
        };
    }

    static Suite suite(String nameOrPath) throws BadInputException {
        try {
            return SuiteFile.resolve(nameOrPath);
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static void write(Path file, Object value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void printTable(PrintWriter out, EvalResult result) {
        int width = Math.max(
                "family".length(),
                result.families().stream()
                        .mapToInt(f -> f.family().length())
                        .max()
                        .orElse(6));
        out.printf(
                Locale.ROOT,
                "%-" + width + "s  %8s  %9s  %7s  %10s%n",
                "family",
                "episodes",
                "successes",
                "success",
                "mean steps");
        for (EvalResult.FamilyResult f : result.families()) {
            out.printf(
                    Locale.ROOT,
                    "%-" + width + "s  %8d  %9d  %7.3f  %10.1f%n",
                    f.family(),
                    f.episodes(),
                    f.successes(),
                    f.success(),
                    f.meanSteps());
        }
    }
}
