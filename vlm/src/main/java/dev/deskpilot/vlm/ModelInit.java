package dev.deskpilot.vlm;

import dev.deskpilot.vlm.onnx.OnnxExport;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.ParameterLayout;
import dev.deskpilot.vlm.weights.RandomInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code deskpilot model init}: a model with seeded random weights for a bundled config, for tests,
 * benchmarks and as the start of training.
 */
public final class ModelInit {
    /** HF's initializer_range for Kimi-VL and DeepSeek-V3. */
    public static final double INITIALIZER_RANGE = 0.02;

    private ModelInit() {}

    /** Random weights for a config, in memory. */
    public static ModelWeights randomWeights(ModelConfig config, long seed) {
        refuseIfTooLarge(config);
        return RandomInit.weights(config, seed, INITIALIZER_RANGE);
    }

    /**
     * Writes a random-weight model for the bundled config {@code configName} into {@code outDir}
     * (created if absent): {@code model.safetensors}, the three ONNX files and {@code model.json},
     * ready for {@link OnnxModel#open}.
     *
     * @return the directory written
     */
    public static Path init(String configName, Path outDir, long seed) throws IOException {
        return init(ModelConfig.bundled(configName), outDir, seed, ExportOptions.DEFAULT);
    }

    /** As {@link #init(String, Path, long)} for any config and export options. */
    public static Path init(ModelConfig config, Path outDir, long seed, ExportOptions export) throws IOException {
        ModelWeights weights = randomWeights(config, seed);
        Files.createDirectories(outDir);
        weights.write(ModelFiles.weights(outDir));
        OnnxExport.export(weights, export, outDir);
        return outDir;
    }

    private static void refuseIfTooLarge(ModelConfig config) {
        long bytes = ParameterLayout.of(config).totalParameters() * 4;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IllegalArgumentException(String.format(
                    "config '%s' has %.2f GB of float32 weights, more than half this JVM's %.2f GB heap:"
                            + " random weights for it do not fit here (use 'model info' for its arithmetic)",
                    config.name(), bytes / 1e9, heap / 1e9));
        }
    }
}
