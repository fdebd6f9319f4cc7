package dev.deskpilot.vlm.weights;

/**
 * The checkpoint tensor names, exactly as in Kimi-VL-A3B's safetensors: the one place they are
 * spelled. deskpilot's own additions (the OCR position embedding and the pointer head) follow the
 * same style under {@code language_model}.
 */
public final class Names {
    private Names() {}

    // MoonViT
    public static final String PATCH_EMBED_WEIGHT = "vision_tower.patch_embed.proj.weight";
    public static final String PATCH_EMBED_BIAS = "vision_tower.patch_embed.proj.bias";
    public static final String POS_EMB = "vision_tower.patch_embed.pos_emb.weight";
    public static final String VISION_FINAL_NORM = "vision_tower.encoder.final_layernorm";

    /** A tensor of vision block {@code l}, e.g. {@code block(3, "wqkv.weight")}. */
    public static String block(int l, String tensor) {
        return "vision_tower.encoder.blocks." + l + "." + tensor;
    }

    // Projector
    public static final String PROJECTOR = "multi_modal_projector";

    // Language model
    public static final String EMBED_TOKENS = "language_model.model.embed_tokens.weight";
    public static final String FINAL_NORM = "language_model.model.norm.weight";
    public static final String LM_HEAD = "language_model.lm_head.weight";
    public static final String OCR_POS_EMB = "language_model.model.ocr_pos_emb.weight";
    public static final String POINTER_Q = "language_model.pointer_head.q_proj.weight";
    public static final String POINTER_K = "language_model.pointer_head.k_proj.weight";

    /** A tensor of decoder layer {@code l}, e.g. {@code layer(0, "self_attn.q_proj.weight")}. */
    public static String layer(int l, String tensor) {
        return "language_model.model.layers." + l + "." + tensor;
    }

    /** A tensor of routed expert {@code e} in layer {@code l}, e.g. {@code expert(1, 5, "down_proj.weight")}. */
    public static String expert(int l, int e, String tensor) {
        return layer(l, "mlp.experts." + e + "." + tensor);
    }
}
