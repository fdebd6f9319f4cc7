package dev.deskpilot.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskpilot.actions.Action;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Episode;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.Oracle;
import dev.deskpilot.tasks.env.Rollout;
import dev.deskpilot.tasks.families.Families;
import dev.deskpilot.tasks.suites.Suite;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description =
                "Write training samples: the oracle solves N episodes of a suite's families (taken in turn), and every step becomes a sample: screenshot, instruction, history, and the gold action in the model's grammar (absolute screen pixels). Format: docs/training-data.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the samples were written", "1:writing failed", "2:bad input"})
final class SynthCommand implements Callable<Integer> {
    /** One JSON object per line. */
    private static final ObjectMapper LINE = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SUITE", description = "A suite file, or the name of a bundled suite (core, smoke).")
    String suite;

    @Option(
            names = "--split",
            defaultValue = "train",
            description = "Which seeds: train or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--n", paramLabel = "N", required = true, description = "How many episodes to write.")
    int n;

    @Option(
            names = "--start",
            paramLabel = "K",
            defaultValue = "0",
            description = "Start at instance K of each family, to add to an earlier data set (default: 0).")
    long start;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The data set folder to create.")
    Path out;

    @Mixin
    BackendOptions backend;

    @Option(
            names = "--ocr",
            description = "Also read the text on each screenshot with the agent's screen reader and store it in the"
                    + " sample's ocr field: lines with boxes, confidences and words, as 'deskpilot ocr --json'"
                    + " prints them.")
    boolean ocr;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (n < 1) {
            throw new BadInputException("--n must be at least 1, was " + n);
        }
        if (start < 0) {
            throw new BadInputException("--start must not be negative, was " + start);
        }
        Suite.Split which = EvalCommand.split(split);
        Suite s = EvalCommand.suite(suite);
        Suite.Seeds seeds = s.seeds(which);
        int families = s.families().size();
        if (start + (n + families - 1) / families > seeds.count()) {
            throw new BadInputException("the " + which.word() + " split of " + s.name() + " has " + seeds.count()
                    + " seeds per family, too few for " + n + " episodes from instance " + start);
        }
        if (Files.exists(out.resolve("samples.jsonl"))) {
            throw new BadInputException(out + " already holds a data set (samples.jsonl); choose another --out");
        }
        Files.createDirectories(out.resolve("images"));
        ActionGrammar grammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, s.screen());
        Map<String, Integer> perFamily = new LinkedHashMap<>();
        int samples = 0;
        int skipped = 0;
        // One reader for all samples: each step's screenshot is re-read only where it changed.
        Optional<TextReader> reader = ocr ? Optional.of(TextReader.open()) : Optional.empty();
        try (Environment env = backend.open(s.screen());
                BufferedWriter lines = Files.newBufferedWriter(out.resolve("samples.jsonl"), StandardCharsets.UTF_8);
                ProgressBar bar = Progress.bar("synth", n, spec.commandLine().getErr())) {
            for (int i = 0; i < n; i++) {
                String family = s.families().get(i % families).family();
                long seed = seeds.seed(start + i / families);
                Instance instance = Families.get(family).generate(seed, s.screen());
                List<SynthSample> episode = new ArrayList<>();
                List<Frame> frames = new ArrayList<>();
                Oracle oracle = new Oracle(instance, env);
                List<String> history = new ArrayList<>();
                Episode result = Rollout.run(env, instance, oracle, (step, frame, actions) -> {
                    Action action = actions.getFirst();
                    String text = grammar.format(action);
                    String id = instance.name() + "-" + step;
                    episode.add(new SynthSample(
                            id,
                            family,
                            seed,
                            step,
                            "images/" + id + ".png",
                            frame.size().toString(),
                            instance.instruction(),
                            history,
                            oracle.thought(),
                            text,
                            "Thought: " + oracle.thought() + "\nAction: " + text));
                    frames.add(frame);
                    history.add(text);
                });
                if (!result.success()) {
                    // The oracle always succeeds on a working environment; never train on a failed episode.
                    skipped++;
                } else {
                    for (int k = 0; k < episode.size(); k++) {
                        ImageIO.write(
                                frames.get(k).image(),
                                "png",
                                out.resolve(episode.get(k).image()).toFile());
                        ObjectNode line = LINE.valueToTree(episode.get(k));
                        Frame frame = frames.get(k);
                        reader.ifPresent(r -> line.set("ocr", OcrJson.lines(r.read(frame))));
                        lines.write(LINE.writeValueAsString(line));
                        lines.newLine();
                    }
                    lines.flush();
                    samples += episode.size();
                    perFamily.merge(family, episode.size(), Integer::sum);
                }
                bar.step();
            }
        } finally {
            reader.ifPresent(TextReader::close);
        }
        spec.commandLine().getErr().println();
        EvalCommand.write(
                out.resolve("manifest.json"),
                new Manifest(
                        s.name(),
                        which.word(),
                        start,
                        n - skipped,
                        samples,
                        s.screen().toString(),
                        "UI-TARS action text, ABSOLUTE convention, screen pixels",
                        backend.name(),
                        ocr,
                        Instant.now().toString(),
                        perFamily));
        stdout.println(
                "episodes: " + (n - skipped) + (skipped > 0 ? " (" + skipped + " failed and were left out)" : ""));
        stdout.println("samples: " + samples);
        stdout.println("data set: " + out.toAbsolutePath());
        return skipped > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** manifest.json: what a data set holds and how it was made. */
    record Manifest(
            String suite,
            String split,
            long start,
            int episodes,
            int samples,
            String screen,
            String actions,
            String backend,
            boolean ocr,
            String createdAt,
            Map<String, Integer> samplesPerFamily) {}
}
