package dev.deskpilot.vlm.onnx;

import ai.onnx.proto.OnnxMl;
import dev.deskpilot.vlm.ExportOptions;
import dev.deskpilot.vlm.TextConfig;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.Names;
import dev.deskpilot.vlm.weights.Tensor;
import java.util.Map;

/**
 * {@code decoder.onnx}: the DeepSeek-V3 language model over new positions, given the KV cache of
 * the past ones. Positions continue from the past length; attention is causal.
 *
 * <p>Inputs {@code inputs_embeds [1, S, D]}, {@code past_key.L [1, P, N, qk_head_dim]} and
 * {@code past_value.L [1, P, N, v_head_dim]} per layer L (P = 0 for a fresh prompt). Outputs
 * {@code logits [1, V]} of the last position, {@code present_key.L} / {@code present_value.L}
 * ({@code [1, P + S, N, .]}, keys rotated) and, with a pointer head, {@code pointer_query [1, Dp]}
 * of the last position and {@code pointer_keys [1, S, Dp]} of every new position.
 */
public final class DecoderGraph {
    public static final String INPUTS_EMBEDS = "inputs_embeds";
    public static final String LOGITS = "logits";
    public static final String POINTER_QUERY = "pointer_query";
    public static final String POINTER_KEYS = "pointer_keys";

    public static String pastKey(int l) {
        return "past_key." + l;
    }

    public static String pastValue(int l) {
        return "past_value." + l;
    }

    public static String presentKey(int l) {
        return "present_key." + l;
    }

    public static String presentValue(int l) {
        return "present_value." + l;
    }

    private DecoderGraph() {}

    public static OnnxMl.ModelProto build(ModelWeights w, ExportOptions options) {
        TextConfig t = w.config().text();
        int d = t.hiddenSize();
        int n = t.numAttentionHeads();
        int nope = t.qkNopeHeadDim();
        int rope = t.qkRopeHeadDim();
        int qk = t.qkHeadDim();
        int vd = t.vHeadDim();
        int r = t.kvLoraRank();
        Graph g = new Graph("decoder");
        Emit e = new Emit(g, options);

        String x = g.input(INPUTS_EMBEDS, Graph.FLOAT, 1L, "sequence", (long) d);
        for (int l = 0; l < t.numHiddenLayers(); l++) {
            g.input(pastKey(l), Graph.FLOAT, 1L, "past_sequence", (long) n, (long) qk);
            g.input(pastValue(l), Graph.FLOAT, 1L, "past_sequence", (long) n, (long) vd);
        }

        // Positions P .. P+S-1, where P is the past length.
        String past = g.op("Gather", Map.of("axis", 0), g.op("Shape", pastKey(0)), g.scalarLong("one", 1));
        String seq = g.op("Gather", Map.of("axis", 0), g.op("Shape", x), g.scalarLong("one", 1));
        String total = g.add(past, seq);
        String positions = g.op("Range", past, total, g.scalarLong("one", 1)); // [S]
        // Causal mask [S, P+S]: key j is hidden from query i when j > position_i.
        String keys = g.op("Range", g.scalarLong("zero", 0), total, g.scalarLong("one", 1));
        String hidden = g.op("Greater", g.unsqueeze(keys, 0), g.unsqueeze(positions, 1));
        String mask = g.op("Where", hidden, g.scalar("neg", -1e30f), g.scalar("zero_f", 0f));

        // RoPE tables computed in double and stored, so long positions keep float32 precision.
        int half = rope / 2;
        float[] cos = new float[t.maxPositionEmbeddings() * half];
        float[] sin = new float[cos.length];
        for (int p = 0; p < t.maxPositionEmbeddings(); p++) {
            for (int j = 0; j < half; j++) {
                double a = p * Math.pow(t.ropeTheta(), -2.0 * j / rope);
                cos[p * half + j] = (float) Math.cos(a);
                sin[p * half + j] = (float) Math.sin(a);
            }
        }
        Rotary rotary = new Rotary(
                g,
                e.contrib(),
                g.weight("rope.cos_cache", cos, t.maxPositionEmbeddings(), half),
                g.weight("rope.sin_cache", sin, t.maxPositionEmbeddings(), half),
                g.unsqueeze(positions, 0));

        String h = e.rmsNorm(
                x,
                Names.layer(0, "input_layernorm.weight"),
                w.get(Names.layer(0, "input_layernorm.weight")),
                t.rmsNormEps());
        for (int l = 0; l < t.numHiddenLayers(); l++) {
            g.scope("layers." + l);
            // ---- MLA
            String q = g.reshape(
                    e.linear(
                            h,
                            Names.layer(l, "self_attn.q_proj.weight"),
                            w.get(Names.layer(l, "self_attn.q_proj.weight"))),
                    1,
                    -1,
                    n,
                    qk);
            String[] qParts = g.split(q, -1, nope, rope); // q_nope, q_pe
            String ckv = e.linear(
                    h,
                    Names.layer(l, "self_attn.kv_a_proj_with_mqa.weight"),
                    w.get(Names.layer(l, "self_attn.kv_a_proj_with_mqa.weight")));
            String[] ckvParts = g.split(ckv, -1, r, rope); // c_kv, k_pe (one head, shared)
            String cNorm = e.rmsNorm(
                    ckvParts[0],
                    Names.layer(l, "self_attn.kv_a_layernorm.weight"),
                    w.get(Names.layer(l, "self_attn.kv_a_layernorm.weight")),
                    TextConfig.KV_A_LAYERNORM_EPS);
            String kv = g.reshape(
                    e.linear(
                            cNorm,
                            Names.layer(l, "self_attn.kv_b_proj.weight"),
                            w.get(Names.layer(l, "self_attn.kv_b_proj.weight"))),
                    1,
                    -1,
                    n,
                    nope + vd);
            String[] kvParts = g.split(kv, -1, nope, vd); // k_nope, v
            String qPe = rotary.rotatePerPosition(qParts[1], n, rope);
            String kPe = rotary.rotatePerPosition(g.reshape(ckvParts[1], 1, -1, 1, rope), 1, rope);
            String kPeAll = g.op("Expand", kPe, g.shape(1, 1, n, 1));
            String query = g.concat(-1, qParts[0], qPe);
            String key = g.concat(-1, kvParts[0], kPeAll);
            String[] attn = Attention.causal(
                    g,
                    e.contrib(),
                    query,
                    key,
                    kvParts[1],
                    pastKey(l),
                    pastValue(l),
                    mask,
                    n,
                    qk,
                    vd,
                    t.softmaxScale(),
                    presentKey(l),
                    presentValue(l));
            g.output(presentKey(l), Graph.FLOAT, 1L, "total_sequence", (long) n, (long) qk);
            g.output(presentValue(l), Graph.FLOAT, 1L, "total_sequence", (long) n, (long) vd);
            String o = e.linear(
                    attn[0],
                    Names.layer(l, "self_attn.o_proj.weight"),
                    w.get(Names.layer(l, "self_attn.o_proj.weight")));
            String[] normed = e.addRmsNorm(
                    x,
                    o,
                    Names.layer(l, "post_attention_layernorm.weight"),
                    w.get(Names.layer(l, "post_attention_layernorm.weight")),
                    t.rmsNormEps());
            x = normed[1];
            // ---- MLP or MoE
            String mlp = t.isMoeLayer(l) ? Moe.emit(e, w, l, normed[0]) : denseMlp(e, w, l, normed[0]);
            boolean last = l == t.numHiddenLayers() - 1;
            String nextNorm = last ? Names.FINAL_NORM : Names.layer(l + 1, "input_layernorm.weight");
            String[] next = e.addRmsNorm(x, mlp, nextNorm, w.get(nextNorm), t.rmsNormEps());
            h = next[0];
            x = next[1];
        }
        g.scope("head");
        // Only the last position's logits are needed for generation.
        String lastIndex = g.op("Sub", seq, g.scalarLong("one", 1));
        String lastHidden = g.op("Gather", Map.of("axis", 1), h, lastIndex); // [1, D]
        g.rename(e.linear(lastHidden, Names.LM_HEAD, w.get(Names.LM_HEAD)), LOGITS);
        g.output(LOGITS, Graph.FLOAT, 1L, (long) t.vocabSize());
        if (w.config().grounding().pointer()) {
            int dp = w.config().grounding().pointerDim();
            g.rename(e.linear(lastHidden, Names.POINTER_Q, w.get(Names.POINTER_Q)), POINTER_QUERY);
            g.output(POINTER_QUERY, Graph.FLOAT, 1L, (long) dp);
            g.rename(e.linear(h, Names.POINTER_K, w.get(Names.POINTER_K)), POINTER_KEYS);
            g.output(POINTER_KEYS, Graph.FLOAT, 1L, "sequence", (long) dp);
        }
        return g.model("deskpilot decoder for config " + w.config().name());
    }

    private static String denseMlp(Emit e, ModelWeights w, int l, String h) {
        String gate =
                e.linear(h, Names.layer(l, "mlp.gate_proj.weight"), w.get(Names.layer(l, "mlp.gate_proj.weight")));
        String up = e.linear(h, Names.layer(l, "mlp.up_proj.weight"), w.get(Names.layer(l, "mlp.up_proj.weight")));
        return e.linear(
                e.swiGlu(gate, up),
                Names.layer(l, "mlp.down_proj.weight"),
                w.get(Names.layer(l, "mlp.down_proj.weight")));
    }

    /** The shared experts as one SwiGLU MLP. */
    static String sharedExperts(Emit e, ModelWeights w, int l, String h) {
        String p = Names.layer(l, "mlp.shared_experts.");
        String gate = e.linear(h, p + "gate_proj.weight", w.get(p + "gate_proj.weight"));
        String up = e.linear(h, p + "up_proj.weight", w.get(p + "up_proj.weight"));
        return e.linear(e.swiGlu(gate, up), p + "down_proj.weight", w.get(p + "down_proj.weight"));
    }

    static Tensor stack(ModelWeights w, int l, int experts, String tensor) {
        Tensor first = w.get(Names.expert(l, 0, tensor));
        int size = first.size();
        float[] all = new float[experts * size];
        for (int ex = 0; ex < experts; ex++) {
            System.arraycopy(w.get(Names.expert(l, ex, tensor)).data(), 0, all, ex * size, size);
        }
        return new Tensor(new int[] {experts, first.dim(0), first.dim(1)}, all);
    }
}
