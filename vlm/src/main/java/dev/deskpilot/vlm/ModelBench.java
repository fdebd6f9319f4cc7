package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.deskpilot.vlm.onnx.OnnxExport;
import dev.deskpilot.vlm.onnx.Quantization;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.ParameterLayout;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code deskpilot bench model}: how fast a model runs here. For float32 and int4 weights of a
 * bundled config (random weights: speed does not depend on their values): session load time,
 * vision encode of one 1280x800 screenshot, prefill and decode tokens per second, and beside each
 * decode figure the roofline: the machine's measured memory bandwidth divided by the bytes one
 * decoded token must read (active weights plus the KV cache).
 */
public final class ModelBench {
    private ModelBench() {}

    /**
     * What to measure.
     *
     * @param configName a bundled config
     * @param threads ONNX Runtime intra-op threads
     * @param decodeTokens tokens to decode after the prompt
     */
    public record Settings(String configName, int threads, int decodeTokens) {
        public Settings {
            Objects.requireNonNull(configName, "configName");
            if (threads < 1 || decodeTokens < 1) {
                throw new IllegalArgumentException("threads and decodeTokens must be at least 1");
            }
        }
    }

    /** Figures for one weight format. */
    public record Variant(
            @JsonProperty("weights") String weights,
            @JsonProperty("onnx_bytes") long onnxBytes,
            @JsonProperty("session_load_ms") double sessionLoadMs,
            @JsonProperty("vision_encode_ms") double visionEncodeMs,
            @JsonProperty("image_tokens") int imageTokens,
            @JsonProperty("prefill_tokens") int prefillTokens,
            @JsonProperty("prefill_tokens_per_s") double prefillTokensPerSecond,
            @JsonProperty("decode_tokens_per_s") double decodeTokensPerSecond,
            @JsonProperty("bytes_per_decoded_token") long bytesPerDecodedToken,
            @JsonProperty("roofline_decode_tokens_per_s") double rooflineDecodeTokensPerSecond) {}

    /** The whole report. */
    public record Result(
            @JsonProperty("config") String config,
            @JsonProperty("parameters") long parameters,
            @JsonProperty("active_parameters_per_token") long activeParameters,
            @JsonProperty("threads") int threads,
            @JsonProperty("cpu") String cpu,
            @JsonProperty("memory_bandwidth_gb_per_s") double memoryBandwidthGbPerSecond,
            @JsonProperty("screenshot") String screenshot,
            @JsonProperty("variants") List<Variant> variants) {

        /** Lines for the terminal. */
        public String format() {
            var s = new StringBuilder();
            s.append(String.format(
                    Locale.ROOT,
                    "model bench: %s, %s params (%s active/token), %d threads, %s%n",
                    config,
                    ModelInfo.human(parameters),
                    ModelInfo.human(activeParameters),
                    threads,
                    cpu));
            s.append(String.format(
                    Locale.ROOT, "memory bandwidth (measured read): %.1f GB/s%n", memoryBandwidthGbPerSecond));
            for (Variant v : variants) {
                s.append(String.format(
                        Locale.ROOT,
                        "%-8s load %7.1f ms | vision %s: %7.1f ms (%d tokens) | prefill %d tokens: %8.1f tok/s | decode %7.1f tok/s (roofline %9.1f tok/s at %s/token)%n",
                        v.weights(),
                        v.sessionLoadMs(),
                        screenshot,
                        v.visionEncodeMs(),
                        v.imageTokens(),
                        v.prefillTokens(),
                        v.prefillTokensPerSecond(),
                        v.decodeTokensPerSecond(),
                        v.rooflineDecodeTokensPerSecond(),
                        ModelInfo.bytes(v.bytesPerDecodedToken())));
            }
            return s.toString();
        }
    }

    /** Runs the bench in a scratch directory and writes the JSON report to {@code output}. */
    public static Result run(Settings settings, Path output) throws IOException {
        ModelConfig config = ModelConfig.bundled(settings.configName());
        ModelWeights weights = ModelInit.randomWeights(config, 1);
        double bandwidth = measureBandwidth(settings.threads());
        List<Variant> variants = new ArrayList<>();
        Path scratch = Files.createTempDirectory("deskpilot-bench");
        try {
            for (ExportOptions options : List.of(ExportOptions.DEFAULT, ExportOptions.DEFAULT.int4())) {
                Path dir = scratch.resolve(options.quantize().name().toLowerCase(Locale.ROOT));
                OnnxExport.export(weights, options, dir);
                variants.add(measure(config, options, dir, settings, bandwidth));
            }
        } finally {
            deleteTree(scratch);
        }
        var layout = ParameterLayout.of(config);
        var result = new Result(
                config.name(),
                layout.totalParameters(),
                layout.activeParametersPerToken(),
                settings.threads(),
                cpuName(),
                bandwidth,
                "1280x800",
                variants);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, ModelConfig.json().writeValueAsString(result));
        return result;
    }

    private static Variant measure(
            ModelConfig config, ExportOptions options, Path dir, Settings settings, double bandwidth) {
        long onnxBytes = 0;
        for (String f : List.of(ModelFiles.VISION, ModelFiles.EMBEDDING, ModelFiles.DECODER)) {
            onnxBytes += dir.resolve(f).toFile().length();
        }
        var runtime = new RuntimeOptions(RuntimeOptions.Device.CPU, settings.threads());
        long t0 = System.nanoTime();
        try (OnnxModel model = OnnxModel.open(dir, runtime)) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            var image = ImageProcessor.process(screenshot(), config.vision());
            model.encodeImage(image.patches()); // warm-up
            double visionMs = median(3, () -> model.encodeImage(image.patches()));
            float[][] imageTokens = model.encodeImage(image.patches());
            var tokenizer = ByteTokenizer.of(config);
            var prompt = new PromptBuilder(config, tokenizer)
                    .user()
                    .text("Click the Save button.")
                    .image(image)
                    .end()
                    .generationPrompt()
                    .build();
            double prefillSeconds;
            double decodeSeconds;
            int contextAtEnd;
            try (Sequence warm = model.newSequence()) {
                warm.append(prompt.ids(), imageTokens, new int[0]);
            }
            try (Sequence seq = model.newSequence()) {
                long p0 = System.nanoTime();
                float[] logits = seq.append(prompt.ids(), imageTokens, new int[0]);
                prefillSeconds = (System.nanoTime() - p0) / 1e9;
                long d0 = System.nanoTime();
                for (int i = 0; i < settings.decodeTokens(); i++) {
                    logits[config.mediaPlaceholderTokenId()] = Float.NEGATIVE_INFINITY;
                    int next = Generator.choose(logits, new SamplingSettings(0, 1, 1, java.util.Set.of(), 0), null);
                    logits = seq.append(new int[] {next}, new float[0][], new int[0]);
                }
                decodeSeconds = (System.nanoTime() - d0) / 1e9;
                contextAtEnd = seq.length();
            }
            long bytesPerToken = bytesPerDecodedToken(config, options, contextAtEnd - settings.decodeTokens() / 2);
            return new Variant(
                    options.quantize() == ExportOptions.Quantization.INT4 ? "int4" : "float32",
                    onnxBytes,
                    loadMs,
                    visionMs,
                    imageTokens.length,
                    prompt.ids().length,
                    prompt.ids().length / prefillSeconds,
                    settings.decodeTokens() / decodeSeconds,
                    bytesPerToken,
                    bandwidth * 1e9 / bytesPerToken);
        }
    }

    /**
     * Bytes one decoded token reads: every active weight (4 bytes, or for a 4-bit matrix half a
     * byte plus a float scale per block), one embedding row rather than the table, and the KV cache
     * of {@code context} positions.
     */
    static long bytesPerDecodedToken(ModelConfig config, ExportOptions options, int context) {
        TextConfig t = config.text();
        var layout = ParameterLayout.of(config);
        double bytes = 0;
        for (var p : layout.params()) {
            if (p.vision()) {
                continue;
            }
            double share = p.routedExpert() ? (double) t.numExpertsPerTok() / t.nRoutedExperts() : 1;
            long elements =
                    p.name().equals(dev.deskpilot.vlm.weights.Names.EMBED_TOKENS) ? t.hiddenSize() : p.elements();
            double perElement = Quantization.quantizes(p, t, options) ? 0.5 + 4.0 / options.blockSize() : 4;
            bytes += elements * share * perElement;
        }
        bytes += (double) context * t.numHiddenLayers() * t.numAttentionHeads() * (t.qkHeadDim() + t.vHeadDim()) * 4;
        return (long) bytes;
    }

    /** Read bandwidth over a 512 MiB array, best of several passes, with {@code threads} readers. */
    static double measureBandwidth(int threads) {
        long[] data = new long[64 << 20];
        Arrays.fill(data, 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            long sink = 0;
            for (int pass = 0; pass < 6; pass++) {
                long t0 = System.nanoTime();
                List<Future<Long>> parts = new ArrayList<>();
                int chunk = data.length / threads;
                for (int i = 0; i < threads; i++) {
                    int from = i * chunk;
                    int to = i == threads - 1 ? data.length : from + chunk;
                    parts.add(pool.submit(() -> {
                        long s = 0;
                        for (int j = from; j < to; j++) {
                            s += data[j];
                        }
                        return s;
                    }));
                }
                for (Future<Long> f : parts) {
                    sink += f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, data.length * 8.0 / seconds / 1e9);
            }
            if (sink != (long) data.length * 6) {
                throw new IllegalStateException("bandwidth probe summed wrongly");
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A synthetic 1280x800 desktop: title bar, panels, buttons and text. */
    static BufferedImage screenshot() {
        var img = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(236, 236, 236));
            g.fillRect(0, 0, 1280, 800);
            g.setColor(new Color(60, 90, 150));
            g.fillRect(0, 0, 1280, 32);
            g.setColor(Color.WHITE);
            g.fillRect(40, 80, 800, 600);
            g.setColor(Color.DARK_GRAY);
            for (int i = 0; i < 20; i++) {
                g.drawString("Row " + i + ": the quick brown fox jumps over the lazy dog", 60, 110 + 28 * i);
            }
            g.setColor(new Color(70, 130, 200));
            g.fillRoundRect(1000, 700, 120, 40, 8, 8);
            g.setColor(Color.WHITE);
            g.drawString("Save", 1045, 725);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static double median(int runs, Runnable r) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static String cpuName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim() + " x"
                            + Runtime.getRuntime().availableProcessors();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
