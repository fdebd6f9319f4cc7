package dev.deskpilot.agent.cli;

import dev.deskpilot.vlm.Converter;
import dev.deskpilot.vlm.ExportOptions;
import dev.deskpilot.vlm.ModelConfig;
import dev.deskpilot.vlm.ModelInfo;
import dev.deskpilot.vlm.ModelInit;
import dev.deskpilot.vlm.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Create, convert and inspect models (vision.onnx, embedding.onnx, decoder.onnx, model.json).",
        subcommands = {ModelCommand.Init.class, ModelCommand.Info.class, ModelCommand.Convert.class})
final class ModelCommand extends GroupCommand {
    /** Options shared by the commands that write ONNX graphs. */
    static final class ExportChoice {
        @Option(
                names = "--quantize",
                paramLabel = "none|int4",
                defaultValue = "none",
                description =
                        "Store the large matrices as 4-bit blocks (MatMulNBits, QMoE). Default: ${DEFAULT-VALUE}.")
        String quantize;

        @Option(
                names = "--standard-ops",
                description = "Build with standard ONNX ops only, no ONNX Runtime contrib ops (slower baseline).")
        boolean standardOps;

        ExportOptions options() throws BadInputException {
            ExportOptions base = ExportOptions.DEFAULT;
            if (standardOps) {
                base = base.withOps(ExportOptions.Ops.STANDARD);
            }
            return switch (quantize) {
                case "none" -> base;
                case "int4" -> {
                    if (standardOps) {
                        throw new BadInputException("--quantize int4 needs the contrib ops; drop --standard-ops");
                    }
                    yield base.int4();
                }
                default -> throw new BadInputException("--quantize must be none or int4, was '" + quantize + "'");
            };
        }
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = {
                "Write a random-weight model for a bundled config: model.safetensors, the three ONNX files and model.json.",
                "Bundled configs: miniature, kimi-vl-tiny, kimi-vl-a3b (too large for random weights in memory here)."
            })
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "NAME", required = true, description = "A bundled config name.")
        String config;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The model folder to write.")
        Path out;

        @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @ArgGroup(exclusive = false)
        ExportChoice export = new ExportChoice();

        @Override
        public Integer call() throws Exception {
            ModelConfig modelConfig = bundled(config);
            Path dir = ModelInit.init(modelConfig, out, seed, export.options());
            spec.commandLine().getOut().println("wrote " + dir.toAbsolutePath());
            spec.commandLine().getOut().println(ModelInfo.describe(dir).format());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            description = "Print a model's parameters (total and active per token), experts, layers, vocabulary,"
                    + " file sizes and the execution provider in use.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                paramLabel = "DIR",
                arity = "0..1",
                description = "A model folder (written by 'model init' or 'model convert').")
        Path dir;

        @Option(
                names = "--config",
                paramLabel = "NAME",
                description = "Instead of a folder: the arithmetic of a bundled config (no files needed).")
        String config;

        @Option(
                names = "--device",
                paramLabel = "cpu|cuda|tensorrt",
                defaultValue = "cpu",
                description = "Execution provider to try; falls back to the CPU with one logged line.")
        RuntimeOptions.Device device;

        @Override
        public Integer call() throws Exception {
            if ((dir == null) == (config == null)) {
                throw new BadInputException("give a model folder DIR or --config NAME (one of them)");
            }
            ModelInfo info;
            if (config != null) {
                info = ModelInfo.of(bundled(config));
            } else {
                if (!Files.isDirectory(dir)) {
                    throw new BadInputException(dir + ": no such model folder");
                }
                info = ModelInfo.describe(dir, new RuntimeOptions(device, RuntimeOptions.CPU.intraOpThreads()));
            }
            spec.commandLine().getOut().println(info.format());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "convert",
            mixinStandardHelpOptions = true,
            description = "Convert a Kimi-VL checkpoint folder (config.json plus safetensors shards with the real"
                    + " tensor names) into deskpilot's ONNX files.")
    static final class Convert implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from-hf", paramLabel = "DIR", required = true, description = "The checkpoint folder.")
        Path from;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The model folder to write.")
        Path out;

        @ArgGroup(exclusive = false)
        ExportChoice export = new ExportChoice();

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(from)) {
                throw new BadInputException(from + ": no such checkpoint folder");
            }
            Converter.Result result = Converter.convert(from, out, export.options());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "converted %d tensors (%,d parameters) of config '%s' into %s%n",
                            result.tensors(),
                            result.parameters(),
                            result.config().name(),
                            result.outDir().toAbsolutePath());
            return ExitCodes.OK;
        }
    }

    static ModelConfig bundled(String name) throws BadInputException {
        try {
            return ModelConfig.bundled(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
