package dev.deskpilot.vlm.weights;

import dev.deskpilot.vlm.ModelConfig;
import dev.deskpilot.vlm.TextConfig;
import dev.deskpilot.vlm.VisionConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter tensor a config implies, with its shape and its role: what random
 * initialisation creates, what loading checks a checkpoint against, and what the parameter counts
 * are summed from.
 */
public final class ParameterLayout {

    /** What a parameter is, for initialisation and for counting active parameters. */
    public enum Role {
        /** A projection matrix, initialised N(0, std). */
        MATRIX,
        /** A norm's scale, initialised to one. */
        NORM_WEIGHT,
        /** A bias or norm shift, initialised to zero. */
        BIAS,
        /** An embedding table or position-embedding grid, initialised N(0, std). */
        EMBEDDING,
        /** The router's selection bias, initialised to zero (learned by load balancing). */
        ROUTER_BIAS
    }

    /**
     * One parameter.
     *
     * @param routedExpert whether it belongs to one routed expert, so only k of E are active per token
     * @param vision whether it belongs to the vision tower or projector
     */
    public record Param(String name, int[] shape, Role role, boolean routedExpert, boolean vision) {
        public long elements() {
            return Tensor.elements(shape);
        }
    }

    private final ModelConfig config;
    private final Map<String, Param> params;

    private ParameterLayout(ModelConfig config, Map<String, Param> params) {
        this.config = config;
        this.params = params;
    }

    /** The layout of a config. */
    public static ParameterLayout of(ModelConfig config) {
        var b = new Builder();
        VisionConfig v = config.vision();
        int dv = v.hiddenSize();
        b.vision(Names.PATCH_EMBED_WEIGHT, Role.MATRIX, dv, 3, v.patchSize(), v.patchSize());
        b.vision(Names.PATCH_EMBED_BIAS, Role.BIAS, dv);
        b.vision(Names.POS_EMB, Role.EMBEDDING, v.initPosEmbHeight(), v.initPosEmbWidth(), dv);
        for (int l = 0; l < v.numHiddenLayers(); l++) {
            b.vision(Names.block(l, "norm0.weight"), Role.NORM_WEIGHT, dv);
            b.vision(Names.block(l, "norm0.bias"), Role.BIAS, dv);
            b.vision(Names.block(l, "wqkv.weight"), Role.MATRIX, 3 * dv, dv);
            b.vision(Names.block(l, "wqkv.bias"), Role.BIAS, 3 * dv);
            b.vision(Names.block(l, "wo.weight"), Role.MATRIX, dv, dv);
            b.vision(Names.block(l, "wo.bias"), Role.BIAS, dv);
            b.vision(Names.block(l, "norm1.weight"), Role.NORM_WEIGHT, dv);
            b.vision(Names.block(l, "norm1.bias"), Role.BIAS, dv);
            b.vision(Names.block(l, "mlp.fc0.weight"), Role.MATRIX, v.intermediateSize(), dv);
            b.vision(Names.block(l, "mlp.fc0.bias"), Role.BIAS, v.intermediateSize());
            b.vision(Names.block(l, "mlp.fc1.weight"), Role.MATRIX, dv, v.intermediateSize());
            b.vision(Names.block(l, "mlp.fc1.bias"), Role.BIAS, dv);
        }
        b.vision(Names.VISION_FINAL_NORM + ".weight", Role.NORM_WEIGHT, dv);
        b.vision(Names.VISION_FINAL_NORM + ".bias", Role.BIAS, dv);

        TextConfig t = config.text();
        int d = t.hiddenSize();
        int merged = v.mergedDim();
        b.vision(Names.PROJECTOR + ".pre_norm.weight", Role.NORM_WEIGHT, dv);
        b.vision(Names.PROJECTOR + ".pre_norm.bias", Role.BIAS, dv);
        b.vision(Names.PROJECTOR + ".linear_1.weight", Role.MATRIX, merged, merged);
        b.vision(Names.PROJECTOR + ".linear_1.bias", Role.BIAS, merged);
        b.vision(Names.PROJECTOR + ".linear_2.weight", Role.MATRIX, d, merged);
        b.vision(Names.PROJECTOR + ".linear_2.bias", Role.BIAS, d);

        b.text(Names.EMBED_TOKENS, Role.EMBEDDING, t.vocabSize(), d);
        if (config.grounding().ocrStream()) {
            b.text(Names.OCR_POS_EMB, Role.EMBEDDING, v.initPosEmbHeight(), v.initPosEmbWidth(), d);
        }
        int n = t.numAttentionHeads();
        for (int l = 0; l < t.numHiddenLayers(); l++) {
            b.text(Names.layer(l, "input_layernorm.weight"), Role.NORM_WEIGHT, d);
            b.text(Names.layer(l, "self_attn.q_proj.weight"), Role.MATRIX, n * t.qkHeadDim(), d);
            b.text(
                    Names.layer(l, "self_attn.kv_a_proj_with_mqa.weight"),
                    Role.MATRIX,
                    t.kvLoraRank() + t.qkRopeHeadDim(),
                    d);
            b.text(Names.layer(l, "self_attn.kv_a_layernorm.weight"), Role.NORM_WEIGHT, t.kvLoraRank());
            b.text(
                    Names.layer(l, "self_attn.kv_b_proj.weight"),
                    Role.MATRIX,
                    n * (t.qkNopeHeadDim() + t.vHeadDim()),
                    t.kvLoraRank());
            b.text(Names.layer(l, "self_attn.o_proj.weight"), Role.MATRIX, d, n * t.vHeadDim());
            b.text(Names.layer(l, "post_attention_layernorm.weight"), Role.NORM_WEIGHT, d);
            if (t.isMoeLayer(l)) {
                b.text(Names.layer(l, "mlp.gate.weight"), Role.MATRIX, t.nRoutedExperts(), d);
                b.text(Names.layer(l, "mlp.gate.e_score_correction_bias"), Role.ROUTER_BIAS, t.nRoutedExperts());
                for (int e = 0; e < t.nRoutedExperts(); e++) {
                    b.expert(Names.expert(l, e, "gate_proj.weight"), t.moeIntermediateSize(), d);
                    b.expert(Names.expert(l, e, "up_proj.weight"), t.moeIntermediateSize(), d);
                    b.expert(Names.expert(l, e, "down_proj.weight"), d, t.moeIntermediateSize());
                }
                if (t.nSharedExperts() > 0) {
                    int is = t.sharedIntermediateSize();
                    b.text(Names.layer(l, "mlp.shared_experts.gate_proj.weight"), Role.MATRIX, is, d);
                    b.text(Names.layer(l, "mlp.shared_experts.up_proj.weight"), Role.MATRIX, is, d);
                    b.text(Names.layer(l, "mlp.shared_experts.down_proj.weight"), Role.MATRIX, d, is);
                }
            } else {
                b.text(Names.layer(l, "mlp.gate_proj.weight"), Role.MATRIX, t.intermediateSize(), d);
                b.text(Names.layer(l, "mlp.up_proj.weight"), Role.MATRIX, t.intermediateSize(), d);
                b.text(Names.layer(l, "mlp.down_proj.weight"), Role.MATRIX, d, t.intermediateSize());
            }
        }
        b.text(Names.FINAL_NORM, Role.NORM_WEIGHT, d);
        b.text(Names.LM_HEAD, Role.MATRIX, t.vocabSize(), d);
        if (config.grounding().pointer()) {
            b.text(Names.POINTER_Q, Role.MATRIX, config.grounding().pointerDim(), d);
            b.text(Names.POINTER_K, Role.MATRIX, config.grounding().pointerDim(), d);
        }
        return new ParameterLayout(config, Collections.unmodifiableMap(b.params));
    }

    public ModelConfig config() {
        return config;
    }

    /** Every parameter, in checkpoint order (vision, projector, language model). */
    public List<Param> params() {
        return List.copyOf(params.values());
    }

    /** The parameter of a name, if the config has it. */
    public java.util.Optional<Param> param(String name) {
        return java.util.Optional.ofNullable(params.get(name));
    }

    /** Total parameter count. */
    public long totalParameters() {
        return params.values().stream().mapToLong(Param::elements).sum();
    }

    /**
     * Parameters used for one text token: all but the routed experts a token does not visit
     * (k of E are active), and without the vision tower, which runs once per image. The
     * embedding table counts whole, as Kimi-VL's "2.8B activated" does.
     */
    public long activeParametersPerToken() {
        TextConfig t = config.text();
        long routed = 0;
        long rest = 0;
        for (Param p : params.values()) {
            if (p.vision()) {
                continue;
            }
            if (p.routedExpert()) {
                routed += p.elements();
            } else {
                rest += p.elements();
            }
        }
        return rest + routed / t.nRoutedExperts() * t.numExpertsPerTok();
    }

    /** Parameters of the vision tower and projector. */
    public long visionParameters() {
        return params.values().stream()
                .filter(Param::vision)
                .mapToLong(Param::elements)
                .sum();
    }

    private static final class Builder {
        final Map<String, Param> params = new LinkedHashMap<>();

        void vision(String name, Role role, int... shape) {
            params.put(name, new Param(name, shape, role, false, true));
        }

        void text(String name, Role role, int... shape) {
            params.put(name, new Param(name, shape, role, false, false));
        }

        void expert(String name, int... shape) {
            params.put(name, new Param(name, shape, Role.MATRIX, true, false));
        }
    }

    /** Names in a list, for messages. */
    static List<String> names(List<Param> ps) {
        var out = new ArrayList<String>();
        ps.forEach(p -> out.add(p.name()));
        return out;
    }
}
