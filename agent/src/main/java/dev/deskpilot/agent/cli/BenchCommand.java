package dev.deskpilot.agent.cli;

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
        description = {
            "Measure this machine and write the figures to bench/results/<name>.json (and print them).",
            "Timing goals live here, never in unit tests."
        },
        subcommands = {BenchCommand.Model.class, BenchEnvCommand.class, BenchParallelCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

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
            description = {
                "Session load time, vision encode of one 1280x800 screenshot, prefill and decode tokens/s,",
                "for float32 and int4 weights, with the roofline (weight bytes read per decoded token against",
                "the measured memory bandwidth) beside each decode figure. Random weights of a bundled config."
            })
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
}
