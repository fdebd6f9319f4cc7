package dev.deskpilot.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.perception.ocr.OcrBench;
import dev.deskpilot.vlm.ModelBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure this machine and write the figures to bench/results/<name>.json (and print them). Timing goals live here, never in unit tests.",
        subcommands = {
            BenchCommand.Model.class,
            BenchCommand.Ocr.class,
            BenchOcrAccuracyCommand.class,
            BenchEnvCommand.class,
            BenchParallelCommand.class
        })
final class BenchCommand extends GroupCommand {
    /** {@code --results DIR}: where bench figures go. */
    static final class ResultsOption {
        @Option(
                names = "--results",
                paramLabel = "DIR",
                defaultValue = "bench/results",
                description = "Folder for the results file (default: ${DEFAULT-VALUE}).")
        Path dir;

        Path file(String name) throws java.io.IOException {
            Files.createDirectories(dir);
            return dir.resolve(name + ".json");
        }
    }

    @Command(
            name = "model",
            mixinStandardHelpOptions = true,
            description =
                    "Session load time, vision encode of one 1280x800 screenshot, prefill and decode tokens/s, for float32 and int4 weights, with the roofline (weight bytes read per decoded token against the measured memory bandwidth) beside each decode figure. Random weights of a bundled config.")
    static final class Model implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--config",
                paramLabel = "NAME",
                defaultValue = "miniature",
                description = "Bundled config to measure (default: ${DEFAULT-VALUE}).")
        String config;

        @Option(
                names = "--threads",
                defaultValue = "2",
                description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(
                names = "--decode-tokens",
                defaultValue = "64",
                description = "Tokens to decode after the prompt (default: ${DEFAULT-VALUE}).")
        int decodeTokens;

        @picocli.CommandLine.Mixin
        ResultsOption results;

        @Override
        public Integer call() throws Exception {
            ModelCommand.bundled(config);
            Path file = results.file("model");
            spec.commandLine().getErr().println("measuring " + config + " (float32 and int4) ...");
            ModelBench.Result result = ModelBench.run(new ModelBench.Settings(config, threads, decodeTokens), file);
            spec.commandLine().getOut().print(result.format());
            spec.commandLine().getOut().println("wrote " + file.toAbsolutePath());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "ocr",
            mixinStandardHelpOptions = true,
            description = "Screen reading speed: a full read of a 1280x800 and of a 400x520 text-dense screen, and a"
                    + " re-read after one word changed (median ms of --runs), with the bundled PP-OCRv4 models.")
    static final class Ocr implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs per case (default: ${DEFAULT-VALUE}).")
        int runs;

        @picocli.CommandLine.Mixin
        ResultsOption results;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new BadInputException("--runs must be at least 1, was " + runs);
            }
            Path file = results.file("ocr");
            spec.commandLine().getErr().println("measuring OCR (" + runs + " runs per case) ...");
            OcrBench.Result result = OcrBench.run(runs);
            String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
            Files.writeString(file, json + System.lineSeparator());
            spec.commandLine().getOut().println(json);
            spec.commandLine().getOut().println("wrote " + file.toAbsolutePath());
            return ExitCodes.OK;
        }
    }
}
