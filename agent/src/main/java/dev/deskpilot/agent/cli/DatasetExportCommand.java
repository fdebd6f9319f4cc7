package dev.deskpilot.agent.cli;

import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.SmartResize;
import dev.deskpilot.policy.data.DatasetException;
import dev.deskpilot.policy.data.DatasetFormat;
import dev.deskpilot.policy.data.DatasetReader;
import dev.deskpilot.policy.data.DatasetWriter;
import dev.deskpilot.policy.data.Sample;
import dev.deskpilot.policy.data.SampleSpace;
import dev.deskpilot.policy.data.Trajectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export run folders as a supervised fine-tuning dataset: one sample per clean step (screenshot resized as UI-TARS-1.5 sees it, the UI-TARS prompt with the run's instruction, earlier steps as history, the action text as the answer). Formats (docs/dataset-formats.md): deskpilot (samples.jsonl), sharegpt (LLaMA-Factory), jsonl (messages per line, ms-swift). Exported datasets may be given again to convert them."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the dataset was written", "1:writing failed", "2:bad input"})
final class DatasetExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run folders (or exported datasets) to export.")
    List<Path> inputs;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            required = true,
            converter = FormatConverter.class,
            description = "deskpilot, sharegpt or jsonl.")
    DatasetFormat format;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "A new (or empty) folder for the dataset; nothing is ever overwritten.")
    Path out;

    @Option(
            names = "--coordinates",
            paramLabel = "CONVENTION",
            defaultValue = "absolute",
            converter = ConventionConverter.class,
            description = "How action coordinates are written: absolute (UI-TARS-1.5, pixels of the resized image),"
                    + " relative_1000 (UI-TARS 1.0) or normalized (0-1) (default: ${DEFAULT-VALUE}).")
    CoordinateConvention coordinates;

    @Option(
            names = "--history-images",
            paramLabel = "N",
            defaultValue = "" + DatasetWriter.DEFAULT_HISTORY_IMAGES,
            description = "sharegpt and jsonl: how many earlier screenshots a conversation keeps (default:"
                    + " ${DEFAULT-VALUE}; UI-TARS keeps five images with the current one).")
    int historyImages;

    @Option(
            names = "--instruction",
            paramLabel = "TEXT",
            description = "The instruction for runs recorded without one.")
    String instruction;

    @Override
    public Integer call() throws Exception {
        if (historyImages < 0) {
            throw new BadInputException("--history-images must not be negative, was " + historyImages);
        }
        SampleSpace space = new SampleSpace(coordinates, SmartResize.UI_TARS_1_5);
        DatasetReader reader = new DatasetReader(space);
        Path target = out.toAbsolutePath().normalize();
        List<Sample> samples = new ArrayList<>();
        int skipped = 0;
        try {
            for (Path input : inputs) {
                if (target.startsWith(input.toAbsolutePath().normalize())) {
                    throw new BadInputException(
                            "--out " + out + " is inside " + input + "; export next to the runs, never into them");
                }
                if (!DatasetReader.isRunFolder(input)) {
                    samples.addAll(reader.read(input));
                    continue;
                }
                Trajectory run = Trajectory.read(input);
                if (run.instruction().isBlank()) {
                    if (instruction == null || instruction.isBlank()) {
                        throw new BadInputException(input.resolve("run.json")
                                + ": the run has no instruction; record with --instruction TEXT,"
                                + " or give --instruction TEXT here");
                    }
                    run = new Trajectory(run.dir(), instruction, run.policy(), run.screen(), run.status(), run.steps());
                }
                samples.addAll(reader.readRun(run));
                skipped += (int) run.steps().stream()
                        .filter(s -> !s.screenActions().isEmpty() && !s.error().isEmpty())
                        .count();
            }
            if (samples.isEmpty()) {
                throw new BadInputException("no samples: the inputs have no step that did something without an error");
            }
            DatasetWriter.Summary summary =
                    DatasetWriter.write(samples, out, new DatasetWriter.Options(format, space, historyImages));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("exported " + summary.samples() + " samples (" + summary.images() + " images) from "
                    + inputs.size() + " folder" + (inputs.size() == 1 ? "" : "s") + " as " + format.word());
            if (skipped > 0) {
                stdout.println("left out " + skipped + " step" + (skipped == 1 ? "" : "s")
                        + " recorded with an error (they stay in later samples' history)");
            }
            stdout.println("dataset: " + summary.dataFile().toAbsolutePath());
            return ExitCodes.OK;
        } catch (DatasetException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<DatasetFormat> {
        @Override
        public DatasetFormat convert(String value) {
            return DatasetFormat.fromWord(value);
        }
    }

    static final class ConventionConverter implements picocli.CommandLine.ITypeConverter<CoordinateConvention> {
        @Override
        public CoordinateConvention convert(String value) {
            try {
                return CoordinateConvention.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "coordinates must be absolute, relative_1000 or normalized, was '" + value + "'");
            }
        }
    }
}
