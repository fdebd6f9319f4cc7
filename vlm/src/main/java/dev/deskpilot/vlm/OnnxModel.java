package dev.deskpilot.vlm;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.deskpilot.vlm.onnx.DecoderGraph;
import dev.deskpilot.vlm.onnx.EmbeddingGraph;
import dev.deskpilot.vlm.onnx.VisionGraph;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deskpilot model directory loaded into ONNX Runtime: sessions for {@code vision.onnx},
 * {@code embedding.onnx} and {@code decoder.onnx}. Encodes images, and starts {@link Sequence}s
 * that hold a KV cache for prefill and token-by-token decoding. Thread-confined per sequence; the
 * sessions themselves may be shared.
 */
public final class OnnxModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

    private final Path dir;
    private final Manifest manifest;
    private final OrtEnvironment env;
    private final OrtSession vision;
    private final OrtSession embedding;
    private final OrtSession decoder;
    private final String provider;

    private OnnxModel(
            Path dir,
            Manifest manifest,
            OrtEnvironment env,
            OrtSession vision,
            OrtSession embedding,
            OrtSession decoder,
            String provider) {
        this.dir = dir;
        this.manifest = manifest;
        this.env = env;
        this.vision = vision;
        this.embedding = embedding;
        this.decoder = decoder;
        this.provider = provider;
    }

    /**
     * Opens a model directory. Errors name the file at fault: a missing, corrupt or truncated ONNX
     * file, or graphs that do not match {@code model.json}.
     */
    public static OnnxModel open(Path dir, RuntimeOptions options) {
        Objects.requireNonNull(options, "options");
        Manifest manifest = Manifest.read(ModelFiles.manifest(dir));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Path visionFile = existing(dir.resolve(ModelFiles.VISION));
        Path embeddingFile = existing(dir.resolve(ModelFiles.EMBEDDING));
        Path decoderFile = existing(dir.resolve(ModelFiles.DECODER));
        OrtSession vision = null;
        OrtSession embedding = null;
        try {
            RuntimeOptions effective = options;
            if (options.device() != RuntimeOptions.Device.CPU) {
                try {
                    vision = createSession(env, visionFile, options);
                } catch (OrtException e) {
                    // Both ORT jars throw here without a usable GPU, with different codes; any failure means CPU.
                    LOG.warn(
                            "{} execution provider unavailable ({}); running on CPU",
                            options.device(),
                            firstLine(e.getMessage()));
                    effective = new RuntimeOptions(RuntimeOptions.Device.CPU, options.intraOpThreads());
                }
            }
            if (vision == null) {
                vision = load(env, visionFile, effective);
            }
            embedding = load(env, embeddingFile, effective);
            OrtSession decoder = load(env, decoderFile, effective);
            var model = new OnnxModel(
                    dir,
                    manifest,
                    env,
                    vision,
                    embedding,
                    decoder,
                    effective.device().name());
            model.checkAgainstConfig();
            return model;
        } catch (RuntimeException e) {
            closeQuietly(vision);
            closeQuietly(embedding);
            throw e;
        }
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(
                    file,
                    "missing: a model directory needs " + ModelFiles.VISION + ", " + ModelFiles.EMBEDDING + " and "
                            + ModelFiles.DECODER);
        }
        return file;
    }

    private static OrtSession load(OrtEnvironment env, Path file, RuntimeOptions options) {
        try {
            return createSession(env, file, options);
        } catch (OrtException e) {
            throw new ModelFileException(
                    file, "ONNX Runtime cannot load it (corrupt or truncated?): " + firstLine(e.getMessage()), e);
        }
    }

    private static OrtSession createSession(OrtEnvironment env, Path file, RuntimeOptions options) throws OrtException {
        try (var so = sessionOptions(options)) {
            switch (options.device()) {
                case CUDA -> so.addCUDA(0);
                case TENSORRT -> so.addTensorrt(0);
                case CPU -> {}
            }
            return env.createSession(file.toString(), so);
        }
    }

    private static OrtSession.SessionOptions sessionOptions(RuntimeOptions options) throws OrtException {
        var so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(options.intraOpThreads());
        so.setInterOpNumThreads(1);
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return so;
    }

    private void checkAgainstConfig() {
        TextConfig t = config().text();
        try {
            Map<String, NodeInfo> inputs = decoder.getInputInfo();
            int layers = (int) inputs.keySet().stream()
                    .filter(n -> n.startsWith("past_key."))
                    .count();
            if (layers != t.numHiddenLayers()) {
                throw new ModelFileException(
                        dir.resolve(ModelFiles.DECODER),
                        "does not match " + ModelFiles.MANIFEST + ": it has " + layers + " layers, the config "
                                + t.numHiddenLayers());
            }
            long width = ((TensorInfo) inputs.get(DecoderGraph.INPUTS_EMBEDS).getInfo()).getShape()[2];
            if (width != t.hiddenSize()) {
                throw new ModelFileException(
                        dir.resolve(ModelFiles.DECODER),
                        "does not match " + ModelFiles.MANIFEST + ": hidden size " + width + ", the config "
                                + t.hiddenSize());
            }
            long vocab = ((TensorInfo)
                            decoder.getOutputInfo().get(DecoderGraph.LOGITS).getInfo())
                    .getShape()[1];
            if (vocab != t.vocabSize()) {
                throw new ModelFileException(
                        dir.resolve(ModelFiles.DECODER),
                        "does not match " + ModelFiles.MANIFEST + ": vocabulary " + vocab + ", the config "
                                + t.vocabSize());
            }
            long features = ((TensorInfo) vision.getOutputInfo()
                            .get(VisionGraph.IMAGE_FEATURES)
                            .getInfo())
                    .getShape()[1];
            if (features != t.hiddenSize()) {
                throw new ModelFileException(
                        dir.resolve(ModelFiles.VISION),
                        "does not match " + ModelFiles.MANIFEST + ": image tokens of width " + features
                                + ", the config " + t.hiddenSize());
            }
            boolean ocr = embedding.getInputInfo().containsKey(EmbeddingGraph.OCR_CELLS);
            if (ocr != config().grounding().ocrStream()) {
                throw new ModelFileException(
                        dir.resolve(ModelFiles.EMBEDDING),
                        "does not match " + ModelFiles.MANIFEST
                                + ": OCR stream input " + (ocr ? "present" : "absent") + ", the config says ocr_stream "
                                + config().grounding().ocrStream());
            }
        } catch (OrtException e) {
            throw new ModelFileException(dir, "cannot inspect the ONNX graphs: " + firstLine(e.getMessage()), e);
        }
    }

    /** The directory this model was loaded from. */
    public Path dir() {
        return dir;
    }

    public ModelConfig config() {
        return manifest.config();
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The execution provider the sessions run on: CPU, CUDA or TENSORRT. */
    public String executionProvider() {
        return provider;
    }

    /** Image tokens [image_tokens][hidden] for one image. */
    public float[][] encodeImage(ImagePatches image) {
        VisionConfig v = config().vision();
        if (image.gridHeight() % v.mergeHeight() != 0 || image.gridWidth() % v.mergeWidth() != 0) {
            throw new IllegalArgumentException("patch grid " + image.gridHeight() + "x" + image.gridWidth()
                    + " must be a multiple of the merge kernel " + v.mergeKernelSize());
        }
        int p = image.patchSize();
        try (var pixels = OnnxTensor.createTensor(
                        env, FloatBuffer.wrap(image.pixelValues()), new long[] {image.patches(), 3, p, p});
                var grid = OnnxTensor.createTensor(
                        env, LongBuffer.wrap(new long[] {image.gridHeight(), image.gridWidth()}), new long[] {2});
                var result = vision.run(Map.of(VisionGraph.PIXEL_VALUES, pixels, VisionGraph.GRID_HW, grid))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("vision.onnx failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** A new sequence with an empty KV cache. Close it to free the cache. */
    public Sequence newSequence() {
        return new Sequence(this);
    }

    /** Input embeddings [1][S][D] for token ids, image tokens at the placeholders, and OCR cells. */
    float[][][] embed(long[] ids, float[][] imageTokens, long[] ocrCells) {
        int d = config().text().hiddenSize();
        float[] flat = new float[imageTokens.length * d];
        for (int i = 0; i < imageTokens.length; i++) {
            System.arraycopy(imageTokens[i], 0, flat, i * d, d);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(
                    EmbeddingGraph.INPUT_IDS,
                    OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length}));
            inputs.put(
                    EmbeddingGraph.IMAGE_FEATURES,
                    OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {imageTokens.length, d}));
            if (config().grounding().ocrStream()) {
                inputs.put(
                        EmbeddingGraph.OCR_CELLS,
                        OnnxTensor.createTensor(env, LongBuffer.wrap(ocrCells), new long[] {1, ocrCells.length}));
            }
            try (var result = embedding.run(inputs)) {
                return (float[][][]) result.get(0).getValue();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding.onnx failed: " + firstLine(e.getMessage()), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    OrtEnvironment env() {
        return env;
    }

    OrtSession decoder() {
        return decoder;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // closing after a failure; the first error is the one to report
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(vision);
        closeQuietly(embedding);
        closeQuietly(decoder);
    }
}
