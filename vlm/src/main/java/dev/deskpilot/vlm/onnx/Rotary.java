package dev.deskpilot.vlm.onnx;

import java.util.Map;

/**
 * Rotary position embedding on adjacent channel pairs (2j, 2j+1), the "interleaved" layout both
 * MoonViT's 2D RoPE and (algebraically) DeepSeek-V3's use. With the contrib ops this is
 * com.microsoft RotaryEmbedding(interleaved=1); otherwise Gather + Mul/Sub/Add on split pairs.
 *
 * @param cos cos table [positions, half] (half = rotated channels / 2)
 * @param sin sin table [positions, half]
 * @param positionIds int64 [1, tokens]: the table row of each token
 */
record Rotary(Graph g, boolean contrib, String cos, String sin, String positionIds) {

    /**
     * Rotates {@code x}, whose last axis holds {@code heads} heads of {@code dim} channels and whose
     * second-to-last axis is the tokens (a leading batch axis, if any, is 1).
     */
    String rotatePerPosition(String x, int heads, int dim) {
        String shape = g.op("Shape", x);
        if (contrib) {
            String x3 = g.op("Reshape", x, g.shape(1, -1, (long) heads * dim));
            String y = g.op(
                    "com.microsoft:RotaryEmbedding",
                    Map.of("interleaved", 1, "num_heads", heads),
                    x3,
                    positionIds,
                    cos,
                    sin);
            return g.op("Reshape", y, shape);
        }
        // [tokens, heads, dim/2, 2] -> a, b; (a, b) -> (a cos - b sin, a sin + b cos)
        String pairs = g.reshape(x, -1, heads, dim / 2, 2);
        String[] ab = g.split(pairs, -1, 1, 1);
        String positions = g.reshape(positionIds, -1);
        String c = g.reshape(g.op("Gather", Map.of("axis", 0), cos, positions), -1, 1, dim / 2, 1);
        String s = g.reshape(g.op("Gather", Map.of("axis", 0), sin, positions), -1, 1, dim / 2, 1);
        String a = g.op("Sub", g.mul(ab[0], c), g.mul(ab[1], s));
        String b = g.add(g.mul(ab[0], s), g.mul(ab[1], c));
        return g.op("Reshape", g.concat(-1, a, b), shape);
    }
}
