package dev.deskpilot.vlm;

import java.nio.file.Path;

/** The files of a deskpilot model directory. */
public final class ModelFiles {
    private ModelFiles() {}

    /** The model's {@link ModelConfig} plus how its graphs were built. */
    public static final String MANIFEST = "model.json";
    /** float32 weights under Kimi-VL's tensor names. */
    public static final String WEIGHTS = "model.safetensors";
    /** Image patches and grid size to image tokens (after the 2x2 merge and projector). */
    public static final String VISION = "vision.onnx";
    /** Token ids (plus image tokens and OCR positions) to input embeddings. */
    public static final String EMBEDDING = "embedding.onnx";
    /** Input embeddings plus past KV cache to logits plus present KV cache. */
    public static final String DECODER = "decoder.onnx";
    /**
     * Kimi-VL's BPE vocabulary (each line the base64 of a token's bytes and its rank), present when
     * {@code model.json}'s {@code tokenizer.kind} is {@code tiktoken}; copied from the checkpoint.
     */
    public static final String TIKTOKEN = "tiktoken.model";

    public static Path manifest(Path dir) {
        return dir.resolve(MANIFEST);
    }

    public static Path weights(Path dir) {
        return dir.resolve(WEIGHTS);
    }

    public static Path tiktoken(Path dir) {
        return dir.resolve(TIKTOKEN);
    }
}
