package dev.deskpilot.vlm;

import dev.deskpilot.vlm.weights.ParameterLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code deskpilot model info}: what a model is, in numbers.
 *
 * @param name config name
 * @param totalParameters every parameter
 * @param activeParametersPerToken parameters one text token uses (k of E routed experts; no vision tower)
 * @param visionParameters the vision tower and projector
 * @param layers decoder layers
 * @param moeLayers decoder layers with experts
 * @param routedExperts routed experts per MoE layer
 * @param expertsPerToken routed experts chosen per token
 * @param sharedExperts shared experts per MoE layer
 * @param vocabSize vocabulary
 * @param weights float32 or int4
 * @param fileSizes model files and their sizes in bytes (empty for a bundled config)
 * @param executionProvider where the model runs (CPU, CUDA, TENSORRT), or "not loaded"
 */
public record ModelInfo(
        String name,
        long totalParameters,
        long activeParametersPerToken,
        long visionParameters,
        int layers,
        int moeLayers,
        int routedExperts,
        int expertsPerToken,
        int sharedExperts,
        int vocabSize,
        String weights,
        Map<String, Long> fileSizes,
        String executionProvider) {

    public ModelInfo {
        fileSizes = Map.copyOf(fileSizes);
    }

    /** The arithmetic of a config alone (e.g. the bundled kimi-vl-a3b, whose weights are not here). */
    public static ModelInfo of(ModelConfig c) {
        return of(c, "float32", Map.of(), "not loaded");
    }

    /** Reads a model directory's model.json and file sizes, without loading the graphs. */
    public static ModelInfo describe(Path dir) throws IOException {
        Manifest m = Manifest.read(ModelFiles.manifest(dir));
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String f : new String[] {
            ModelFiles.MANIFEST,
            ModelFiles.WEIGHTS,
            ModelFiles.VISION,
            ModelFiles.EMBEDDING,
            ModelFiles.DECODER,
            ModelFiles.TIKTOKEN
        }) {
            Path p = dir.resolve(f);
            if (Files.exists(p)) {
                sizes.put(f, Files.size(p));
            }
        }
        return of(
                m.config(),
                m.export().quantize() == ExportOptions.Quantization.INT4 ? "int4" : "float32",
                sizes,
                "not loaded");
    }

    /** As {@link #describe(Path)}, and loads the graphs to report the execution provider in use. */
    public static ModelInfo describe(Path dir, RuntimeOptions options) throws IOException {
        ModelInfo info = describe(dir);
        try (var model = OnnxModel.open(dir, options)) {
            return new ModelInfo(
                    info.name,
                    info.totalParameters,
                    info.activeParametersPerToken,
                    info.visionParameters,
                    info.layers,
                    info.moeLayers,
                    info.routedExperts,
                    info.expertsPerToken,
                    info.sharedExperts,
                    info.vocabSize,
                    info.weights,
                    info.fileSizes,
                    model.executionProvider());
        }
    }

    private static ModelInfo of(ModelConfig c, String weights, Map<String, Long> sizes, String provider) {
        var layout = ParameterLayout.of(c);
        TextConfig t = c.text();
        int moe = 0;
        for (int l = 0; l < t.numHiddenLayers(); l++) {
            moe += t.isMoeLayer(l) ? 1 : 0;
        }
        return new ModelInfo(
                c.name(),
                layout.totalParameters(),
                layout.activeParametersPerToken(),
                layout.visionParameters(),
                t.numHiddenLayers(),
                moe,
                t.nRoutedExperts(),
                t.numExpertsPerTok(),
                t.nSharedExperts(),
                t.vocabSize(),
                weights,
                sizes,
                provider);
    }

    /** Human-readable lines for the CLI. */
    public String format() {
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "model            %s (%s weights)%n", name, weights));
        s.append(String.format(
                Locale.ROOT,
                "parameters       %s total, %s active per token, %s in the vision tower%n",
                human(totalParameters),
                human(activeParametersPerToken),
                human(visionParameters)));
        s.append(String.format(
                Locale.ROOT, "layers           %d (%d dense, %d MoE)%n", layers, layers - moeLayers, moeLayers));
        s.append(String.format(
                Locale.ROOT,
                "experts          %d routed (%d per token) + %d shared per MoE layer%n",
                routedExperts,
                expertsPerToken,
                sharedExperts));
        s.append(String.format(Locale.ROOT, "vocabulary       %d%n", vocabSize));
        fileSizes.forEach((f, b) -> s.append(String.format(Locale.ROOT, "file             %-18s %s%n", f, bytes(b))));
        s.append(String.format(Locale.ROOT, "execution        %s%n", executionProvider));
        return s.toString();
    }

    static String human(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
}
