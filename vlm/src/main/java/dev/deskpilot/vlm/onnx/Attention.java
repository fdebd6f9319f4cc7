package dev.deskpilot.vlm.onnx;

import java.util.Map;

/**
 * Scaled dot-product attention as standard ops (MatMul, Softmax) or ONNX Runtime's
 * com.microsoft MultiHeadAttention, which allows MLA's value heads to differ in size from the
 * query/key heads.
 */
final class Attention {
    private Attention() {}

    /** Full (non-causal) attention within one image: q, k, v are [tokens, heads * dim]. */
    static String bidirectional(
            Graph g, boolean contrib, String q, String k, String v, int heads, int dim, double scale) {
        if (contrib) {
            String y = g.op(
                    "com.microsoft:MultiHeadAttention",
                    Map.of("num_heads", heads, "scale", (float) scale),
                    g.unsqueeze(q, 0),
                    g.unsqueeze(k, 0),
                    g.unsqueeze(v, 0));
            return g.reshape(y, -1, (long) heads * dim);
        }
        String qh = g.transpose(g.reshape(q, -1, heads, dim), 1, 0, 2); // [heads, L, dim]
        String kt = g.transpose(g.reshape(k, -1, heads, dim), 1, 2, 0); // [heads, dim, L]
        String vh = g.transpose(g.reshape(v, -1, heads, dim), 1, 0, 2);
        String scores = g.mul(g.matmul(qh, kt), g.scalar("scale", (float) scale));
        String probs = g.op("Softmax", Map.of("axis", -1), scores);
        return g.reshape(g.transpose(g.matmul(probs, vh), 1, 0, 2), -1, (long) heads * dim);
    }

    /**
     * Causal attention of new positions over past plus new keys. q, k: [1, S, heads, qkDim],
     * v: [1, S, heads, vDim]; past/present caches [1, positions, heads, dim]. Returns
     * {output [1, S, heads * vDim], present_key, present_value}.
     */
    static String[] causal(
            Graph g,
            boolean contrib,
            String q,
            String k,
            String v,
            String pastKey,
            String pastValue,
            String mask,
            int heads,
            int qkDim,
            int vDim,
            double scale,
            String presentKeyName,
            String presentValueName) {
        // The cache grows by concatenation along positions: present = past ++ new, [1, P + S, heads, dim].
        g.node("Concat", Map.of("axis", 1), new String[] {pastKey, k}, new String[] {presentKeyName});
        g.node("Concat", Map.of("axis", 1), new String[] {pastValue, v}, new String[] {presentValueName});
        if (contrib) {
            // MultiHeadAttention's past inputs and its 4-D key/value insist on V heads as wide as the
            // Q/K heads, which MLA's are not; with 3-D key [1, T, heads*qk] and value [1, T, heads*v]
            // and the causal mask as attention_bias it accepts them. This cache layout makes those
            // reshapes free.
            String out = g.op(
                    "com.microsoft:MultiHeadAttention",
                    Map.of("num_heads", heads, "scale", (float) scale),
                    g.reshape(q, 1, -1, (long) heads * qkDim),
                    g.reshape(presentKeyName, 1, -1, (long) heads * qkDim),
                    g.reshape(presentValueName, 1, -1, (long) heads * vDim),
                    "",
                    "",
                    g.unsqueeze(mask, 0, 1));
            return new String[] {out, presentKeyName, presentValueName};
        }
        String qt = g.transpose(q, 0, 2, 1, 3); // [1, heads, S, qk]
        String kt = g.transpose(presentKeyName, 0, 2, 3, 1); // [1, heads, qk, T]
        String vt = g.transpose(presentValueName, 0, 2, 1, 3); // [1, heads, T, v]
        String scores = g.mul(g.matmul(qt, kt), g.scalar("scale", (float) scale));
        String probs = g.op("Softmax", Map.of("axis", -1), g.add(scores, mask));
        String out = g.matmul(probs, vt); // [1, heads, S, v]
        return new String[] {
            g.reshape(g.transpose(out, 0, 2, 1, 3), 1, -1, (long) heads * vDim), presentKeyName, presentValueName
        };
    }
}
