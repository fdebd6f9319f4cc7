package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The DeepSeek-V3-style language model (Moonlight-16B-A3B in Kimi-VL): multi-head latent
 * attention (MLA), a dense first layer, then mixture-of-experts layers with sigmoid routing,
 * bias-corrected top-k selection, shared experts and a routed scaling factor. JSON names are those
 * of Kimi-VL's {@code text_config}, so a checkpoint's config binds to this record unchanged.
 *
 * @param vocabSize rows of the embedding table and the output head
 * @param hiddenSize model width D
 * @param numHiddenLayers decoder layers
 * @param intermediateSize SwiGLU width of the dense layers
 * @param moeIntermediateSize SwiGLU width of one routed expert
 * @param numAttentionHeads attention heads N
 * @param numKeyValueHeads must equal numAttentionHeads: MLA expands one latent into every head
 * @param kvLoraRank width of the compressed key/value latent
 * @param qkNopeHeadDim per-head query/key channels without rotary position
 * @param qkRopeHeadDim per-head query/key channels with rotary position (the key's are shared)
 * @param vHeadDim per-head value channels
 * @param nRoutedExperts routed experts E per MoE layer
 * @param numExpertsPerTok experts chosen per token k
 * @param nSharedExperts shared experts, run for every token as one MLP of width n * moeIntermediateSize
 * @param firstKDenseReplace how many leading layers are dense
 * @param moeLayerFreq every how many layers after those is MoE (1: all)
 * @param nGroup expert groups; group routing is a no-op at 1, the only supported value
 * @param topkGroup groups kept; 1
 * @param scoringFunc router score function; "sigmoid"
 * @param topkMethod expert selection; "noaux_tc" (top-k of score plus e_score_correction_bias)
 * @param normTopkProb whether the chosen experts' scores are renormalised to sum to one; true
 * @param routedScalingFactor multiplies the routed experts' weighted sum
 * @param rmsNormEps epsilon of the layer RMSNorms (kv_a_layernorm always uses 1e-6)
 * @param ropeTheta base of the 1D rotary frequencies
 * @param maxPositionEmbeddings the longest sequence the rotary table covers
 * @param hiddenAct MLP activation; "silu" (SwiGLU)
 * @param tieWordEmbeddings whether lm_head shares embed_tokens; false in Kimi-VL
 */
public record TextConfig(
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("num_hidden_layers") int numHiddenLayers,
        @JsonProperty("intermediate_size") int intermediateSize,
        @JsonProperty("moe_intermediate_size") int moeIntermediateSize,
        @JsonProperty("num_attention_heads") int numAttentionHeads,
        @JsonProperty("num_key_value_heads") int numKeyValueHeads,
        @JsonProperty("kv_lora_rank") int kvLoraRank,
        @JsonProperty("qk_nope_head_dim") int qkNopeHeadDim,
        @JsonProperty("qk_rope_head_dim") int qkRopeHeadDim,
        @JsonProperty("v_head_dim") int vHeadDim,
        @JsonProperty("n_routed_experts") int nRoutedExperts,
        @JsonProperty("num_experts_per_tok") int numExpertsPerTok,
        @JsonProperty("n_shared_experts") int nSharedExperts,
        @JsonProperty("first_k_dense_replace") int firstKDenseReplace,
        @JsonProperty("moe_layer_freq") int moeLayerFreq,
        @JsonProperty("n_group") int nGroup,
        @JsonProperty("topk_group") int topkGroup,
        @JsonProperty("scoring_func") String scoringFunc,
        @JsonProperty("topk_method") String topkMethod,
        @JsonProperty("norm_topk_prob") boolean normTopkProb,
        @JsonProperty("routed_scaling_factor") double routedScalingFactor,
        @JsonProperty("rms_norm_eps") double rmsNormEps,
        @JsonProperty("rope_theta") double ropeTheta,
        @JsonProperty("max_position_embeddings") int maxPositionEmbeddings,
        @JsonProperty("hidden_act") String hiddenAct,
        @JsonProperty("tie_word_embeddings") boolean tieWordEmbeddings) {

    /** The epsilon DeepseekV3RMSNorm uses when built without the config's, as kv_a_layernorm is. */
    public static final double KV_A_LAYERNORM_EPS = 1e-6;

    public TextConfig {
        ConfigChecks.positive("text_config.vocab_size", vocabSize);
        ConfigChecks.positive("text_config.hidden_size", hiddenSize);
        ConfigChecks.positive("text_config.num_hidden_layers", numHiddenLayers);
        ConfigChecks.positive("text_config.intermediate_size", intermediateSize);
        ConfigChecks.positive("text_config.moe_intermediate_size", moeIntermediateSize);
        ConfigChecks.positive("text_config.num_attention_heads", numAttentionHeads);
        if (numKeyValueHeads != numAttentionHeads) {
            throw new IllegalArgumentException("text_config.num_key_value_heads must equal num_attention_heads ("
                    + numAttentionHeads + ") for MLA, was " + numKeyValueHeads);
        }
        ConfigChecks.positive("text_config.kv_lora_rank", kvLoraRank);
        ConfigChecks.positive("text_config.qk_nope_head_dim", qkNopeHeadDim);
        ConfigChecks.positive("text_config.qk_rope_head_dim", qkRopeHeadDim);
        if (qkRopeHeadDim % 2 != 0) {
            throw new IllegalArgumentException(
                    "text_config.qk_rope_head_dim must be even (RoPE rotates pairs), was " + qkRopeHeadDim);
        }
        ConfigChecks.positive("text_config.v_head_dim", vHeadDim);
        ConfigChecks.positive("text_config.n_routed_experts", nRoutedExperts);
        if (numExpertsPerTok < 1 || numExpertsPerTok > nRoutedExperts) {
            throw new IllegalArgumentException(
                    "text_config.num_experts_per_tok must be in 1.." + nRoutedExperts + ", was " + numExpertsPerTok);
        }
        ConfigChecks.atLeast("text_config.n_shared_experts", nSharedExperts, 0);
        ConfigChecks.atLeast("text_config.first_k_dense_replace", firstKDenseReplace, 0);
        if (firstKDenseReplace > numHiddenLayers) {
            throw new IllegalArgumentException("text_config.first_k_dense_replace (" + firstKDenseReplace
                    + ") must not exceed num_hidden_layers (" + numHiddenLayers + ")");
        }
        ConfigChecks.positive("text_config.moe_layer_freq", moeLayerFreq);
        if (nGroup != 1 || topkGroup != 1) {
            throw new IllegalArgumentException("text_config.n_group and topk_group must be 1 (Kimi-VL routes without"
                    + " groups), were " + nGroup + " and " + topkGroup);
        }
        ConfigChecks.oneOf("text_config.scoring_func", scoringFunc, "sigmoid");
        ConfigChecks.oneOf("text_config.topk_method", topkMethod, "noaux_tc");
        if (!normTopkProb) {
            throw new IllegalArgumentException("text_config.norm_topk_prob must be true: deskpilot builds Kimi-VL's"
                    + " routing, which renormalises the chosen experts' scores");
        }
        ConfigChecks.positive("text_config.routed_scaling_factor", routedScalingFactor);
        ConfigChecks.positive("text_config.rms_norm_eps", rmsNormEps);
        if (!(ropeTheta > 1)) {
            throw new IllegalArgumentException("text_config.rope_theta must be > 1, was " + ropeTheta);
        }
        ConfigChecks.positive("text_config.max_position_embeddings", maxPositionEmbeddings);
        ConfigChecks.oneOf("text_config.hidden_act", hiddenAct, "silu");
        if (tieWordEmbeddings) {
            throw new IllegalArgumentException(
                    "text_config.tie_word_embeddings must be false: Kimi-VL has its own lm_head");
        }
    }

    /** Query and key channels per head: the unrotated part followed by the rotated part. */
    public int qkHeadDim() {
        return qkNopeHeadDim + qkRopeHeadDim;
    }

    /** Whether layer {@code l} has a mixture of experts rather than a dense MLP. */
    public boolean isMoeLayer(int l) {
        // DeepseekV3DecoderLayer: layer_idx >= first_k_dense_replace and layer_idx % moe_layer_freq == 0
        return l >= firstKDenseReplace && l % moeLayerFreq == 0;
    }

    /** SwiGLU width of the shared experts, which run as one MLP. */
    public int sharedIntermediateSize() {
        return nSharedExperts * moeIntermediateSize;
    }

    /** The attention's softmax scale: 1/sqrt(q/k head size); Kimi-VL uses no YaRN correction. */
    public double softmaxScale() {
        return 1.0 / Math.sqrt(qkHeadDim());
    }
}
