package dev.deskpilot.vlm.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.deskpilot.vlm.TextConfig;
import dev.deskpilot.vlm.weights.Int4;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.Names;
import dev.deskpilot.vlm.weights.Tensor;
import java.util.Map;

/**
 * The DeepSeek-V3 / Kimi-VL MoE layer as ONNX: sigmoid scores, top-k of score plus
 * e_score_correction_bias, chosen scores renormalised and times routed_scaling_factor, plus the
 * shared experts.
 *
 * <p>Three forms: standard ops (every expert on every token through Einsum, weighted by a dense
 * routing matrix; fine for small expert counts), ORT's float MoE (the routing fed as log-scores at
 * the chosen experts and -1e9 elsewhere, so its softmax reproduces the renormalisation), and ORT's
 * 4-bit QMoE (router_probs = score + bias selects, router_weights = score weighs, normalised).
 */
final class Moe {
    private Moe() {}

    /** Emits layer {@code l}'s MoE on normed hidden states {@code h [1, S, D]}; returns [1, S, D]. */
    static String emit(Emit e, ModelWeights w, int l, String h) {
        Graph g = e.g;
        TextConfig t = w.config().text();
        int d = t.hiddenSize();
        int experts = t.nRoutedExperts();
        int k = t.numExpertsPerTok();
        int inter = t.moeIntermediateSize();

        String tokens = g.reshape(h, -1, d); // [T, D]
        // Router in float32 always: s = sigmoid(h W_gate^T); choose top-k of s + bias.
        Tensor gate = w.get(Names.layer(l, "mlp.gate.weight"));
        String scores = g.op(
                "Sigmoid",
                g.matmul(tokens, g.weight(Names.layer(l, "mlp.gate.weight"), Emit.transpose(gate), d, experts)));
        String selection = g.add(
                scores,
                g.weight(
                        Names.layer(l, "mlp.gate.e_score_correction_bias"),
                        w.get(Names.layer(l, "mlp.gate.e_score_correction_bias"))));
        String scale = g.scalar("routed_scaling_factor", (float) t.routedScalingFactor());

        String routed;
        boolean quantized = e.int4() && Int4.fits(d, e.options.blockSize()) && Int4.fits(inter, e.options.blockSize());
        if (quantized) {
            routed = g.mul(qmoe(e, w, l, tokens, selection, scores), scale);
        } else {
            String[] top = g.ops("TopK", 2, Map.of("axis", -1, "largest", 1, "sorted", 1), selection, g.shape(k));
            String chosen = g.op("GatherElements", Map.of("axis", 1), scores, top[1]); // [T, k]
            if (e.contrib()) {
                String logits = g.op(
                        "ScatterElements",
                        Map.of("axis", 1),
                        g.op("ConstantOfShape", Map.of("value", floatValue(-1e9f)), g.op("Shape", scores)),
                        top[1],
                        g.op("Log", chosen));
                String fc1 = g.weight(
                        Names.layer(l, "mlp.experts.gate_up_interleaved"),
                        interleavedGateUp(w, l, experts, inter, d),
                        experts,
                        2 * inter,
                        d);
                String fc2 = g.weight(
                        Names.layer(l, "mlp.experts.down_proj"), DecoderGraph.stack(w, l, experts, "down_proj.weight"));
                String moe = g.op(
                        "com.microsoft:MoE",
                        Map.of(
                                "k",
                                k,
                                "activation_type",
                                "swiglu",
                                "swiglu_fusion",
                                1,
                                "activation_alpha",
                                1.0f,
                                "activation_beta",
                                0.0f,
                                "normalize_routing_weights",
                                0),
                        tokens,
                        logits,
                        fc1,
                        "",
                        fc2);
                routed = g.mul(moe, scale);
            } else {
                String sum =
                        g.add(g.op("ReduceSum", Map.of("keepdims", 1), chosen, g.shape(-1)), g.scalar("eps", 1e-20f));
                String weights = g.mul(g.op("Div", chosen, sum), scale);
                String routing = g.op(
                        "ScatterElements",
                        Map.of("axis", 1),
                        g.op("ConstantOfShape", Map.of("value", floatValue(0f)), g.op("Shape", scores)),
                        top[1],
                        weights); // [T, E], zero except the chosen
                String gateAll = g.weight(
                        Names.layer(l, "mlp.experts.gate_proj"), DecoderGraph.stack(w, l, experts, "gate_proj.weight"));
                String upAll = g.weight(
                        Names.layer(l, "mlp.experts.up_proj"), DecoderGraph.stack(w, l, experts, "up_proj.weight"));
                String downAll = g.weight(
                        Names.layer(l, "mlp.experts.down_proj"), DecoderGraph.stack(w, l, experts, "down_proj.weight"));
                String act = e.swiGlu(
                        g.op("Einsum", Map.of("equation", "td,eid->tei"), tokens, gateAll),
                        g.op("Einsum", Map.of("equation", "td,eid->tei"), tokens, upAll));
                String each = g.op("Einsum", Map.of("equation", "tei,edi->ted"), act, downAll);
                routed = g.op("Einsum", Map.of("equation", "ted,te->td"), each, routing);
            }
        }
        String out = t.nSharedExperts() > 0 ? g.add(routed, DecoderGraph.sharedExperts(e, w, l, tokens)) : routed;
        return g.reshape(out, 1, -1, d);
    }

    private static String qmoe(Emit e, ModelWeights w, int l, String tokens, String selection, String scores) {
        Graph g = e.g;
        TextConfig t = w.config().text();
        int d = t.hiddenSize();
        int experts = t.nRoutedExperts();
        int inter = t.moeIntermediateSize();
        int blk = e.options.blockSize();
        float[] fc1 = interleavedGateUp(w, l, experts, inter, d);
        Tensor fc2 = DecoderGraph.stack(w, l, experts, "down_proj.weight");
        Int4.Matrix q1 = Int4.quantize(fc1, experts * 2 * inter, d, blk);
        Int4.Matrix q2 = Int4.quantize(fc2.data(), experts * d, inter, blk);
        String w1 = g.bytes(
                Names.layer(l, "mlp.experts.gate_up_interleaved.qweight"), q1.packed(), experts, 2 * inter, d / 2);
        String s1 = g.weight(
                Names.layer(l, "mlp.experts.gate_up_interleaved.scales"), q1.scales(), experts, 2 * inter, d / blk);
        String w2 = g.bytes(Names.layer(l, "mlp.experts.down_proj.qweight"), q2.packed(), experts, d, inter / 2);
        String s2 = g.weight(Names.layer(l, "mlp.experts.down_proj.scales"), q2.scales(), experts, d, inter / blk);
        return g.op(
                "com.microsoft:QMoE",
                Map.of(
                        "k",
                        t.numExpertsPerTok(),
                        "expert_weight_bits",
                        4,
                        "block_size",
                        blk,
                        "activation_type",
                        "swiglu",
                        "swiglu_fusion",
                        1,
                        "activation_alpha",
                        1.0f,
                        "activation_beta",
                        0.0f,
                        "normalize_routing_weights",
                        1),
                tokens,
                selection,
                w1,
                s1,
                "",
                w2,
                s2,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                scores);
    }

    /** fc1 for fused SwiGLU: per expert rows [gate_0, up_0, gate_1, up_1, ...], each of width D. */
    static float[] interleavedGateUp(ModelWeights w, int l, int experts, int inter, int d) {
        float[] out = new float[experts * 2 * inter * d];
        for (int ex = 0; ex < experts; ex++) {
            float[] gate = w.get(Names.expert(l, ex, "gate_proj.weight")).data();
            float[] up = w.get(Names.expert(l, ex, "up_proj.weight")).data();
            for (int i = 0; i < inter; i++) {
                System.arraycopy(gate, i * d, out, ((ex * 2 * inter) + 2 * i) * d, d);
                System.arraycopy(up, i * d, out, ((ex * 2 * inter) + 2 * i + 1) * d, d);
            }
        }
        return out;
    }

    private static TensorProto floatValue(float v) {
        return TensorProto.newBuilder()
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1)
                .addFloatData(v)
                .build();
    }
}
