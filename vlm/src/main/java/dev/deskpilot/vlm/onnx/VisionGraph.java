package dev.deskpilot.vlm.onnx;

import ai.onnx.proto.OnnxMl;
import dev.deskpilot.vlm.ExportOptions;
import dev.deskpilot.vlm.VisionConfig;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.Names;
import dev.deskpilot.vlm.weights.Tensor;
import java.util.Map;

/**
 * {@code vision.onnx}: one image's patches and grid size to its image tokens. MoonViT (patch
 * embedding, bicubic position embedding via Resize, pre-norm blocks with 2D RoPE), the 2x2 merge
 * and the projector MLP.
 *
 * <p>Inputs {@code pixel_values [patches, 3, 14, 14]} and {@code grid_hw [2]} (rows, columns of
 * patches); output {@code image_features [image_tokens, text hidden]}.
 */
public final class VisionGraph {
    public static final String PIXEL_VALUES = "pixel_values";
    public static final String GRID_HW = "grid_hw";
    public static final String IMAGE_FEATURES = "image_features";

    private VisionGraph() {}

    public static OnnxMl.ModelProto build(ModelWeights w, ExportOptions options) {
        VisionConfig v = w.config().vision();
        int dv = v.hiddenSize();
        int heads = v.numAttentionHeads();
        int dh = v.headDim();
        int p = v.patchSize();
        Graph g = new Graph("vision");
        Emit e = new Emit(g, options);

        String pixels = g.input(PIXEL_VALUES, Graph.FLOAT, "patches", 3L, (long) p, (long) p);
        String gridHw = g.input(GRID_HW, Graph.INT64, 2L);

        // Grid sizes as scalars and 1-D tensors: h, w, L = h * w.
        String h = g.op("Gather", Map.of("axis", 0), gridHw, g.scalarLong("zero", 0));
        String wd = g.op("Gather", Map.of("axis", 0), gridHw, g.scalarLong("one", 1));
        String patches = g.mul(h, wd);

        // patch_embed: Conv2d(3, D, 14, stride 14) on pre-cut patches == Linear over 3*14*14 values
        String flat = g.reshape(pixels, -1, v.patchValues());
        String x = e.linear(
                flat,
                Names.PATCH_EMBED_WEIGHT,
                w.get(Names.PATCH_EMBED_WEIGHT).reshape(dv, v.patchValues()),
                w.get(Names.PATCH_EMBED_BIAS));

        // pos_emb: [Gh, Gw, D] -> [1, D, Gh, Gw] -> bicubic Resize to (h, w) -> [L, D]
        Tensor pos = w.get(Names.POS_EMB);
        String grid = g.weight(Names.POS_EMB, channelsFirst(pos), 1, dv, v.initPosEmbHeight(), v.initPosEmbWidth());
        String sizes = g.concat(0, g.shape(1, dv), gridHw);
        String resized = g.op(
                "Resize",
                Map.of(
                        "mode",
                        "cubic",
                        "coordinate_transformation_mode",
                        "half_pixel",
                        "cubic_coeff_a",
                        -0.75f,
                        "exclude_outside",
                        0),
                grid,
                "",
                "",
                sizes);
        String posEmb = g.transpose(g.reshape(resized, dv, -1), 1, 0);
        x = g.add(x, posEmb);

        // 2D RoPE: patch i at (row, col) = (i / w, i % w); pair 2f turns by col*freq_f, pair 2f+1 by row*freq_f
        String index = g.op("Range", g.scalarLong("zero", 0), patches, g.scalarLong("one", 1));
        String col = g.op("Cast", Map.of("to", Graph.FLOAT), g.op("Mod", index, wd));
        String row = g.op("Cast", Map.of("to", Graph.FLOAT), g.op("Div", index, wd));
        float[] colFreq = new float[dh / 2];
        float[] rowFreq = new float[dh / 2];
        for (int f = 0; f < dh / 4; f++) {
            double freq = Math.pow(v.ropeTheta(), -4.0 * f / dh);
            colFreq[2 * f] = (float) freq;
            rowFreq[2 * f + 1] = (float) freq;
        }
        String angles = g.add(
                g.mul(g.unsqueeze(col, 1), g.weight("rope2d.col_freq", colFreq, dh / 2)),
                g.mul(g.unsqueeze(row, 1), g.weight("rope2d.row_freq", rowFreq, dh / 2)));
        Rotary rope = new Rotary(g, e.contrib(), g.op("Cos", angles), g.op("Sin", angles), g.unsqueeze(index, 0));

        for (int l = 0; l < v.numHiddenLayers(); l++) {
            g.scope("blocks." + l);
            // x = x + wo(Attn(RoPE2D(split(wqkv(norm0(x))))))
            String hn = e.layerNorm(
                    x,
                    Names.block(l, "norm0"),
                    w.get(Names.block(l, "norm0.weight")),
                    w.get(Names.block(l, "norm0.bias")),
                    v.layerNormEps());
            String qkv = e.linear(
                    hn,
                    Names.block(l, "wqkv.weight"),
                    w.get(Names.block(l, "wqkv.weight")),
                    w.get(Names.block(l, "wqkv.bias")));
            String[] parts = g.split(qkv, 1, dv, dv, dv);
            String q = rope.rotatePerPosition(parts[0], heads, dh);
            String k = rope.rotatePerPosition(parts[1], heads, dh);
            String attn = Attention.bidirectional(g, e.contrib(), q, k, parts[2], heads, dh, 1 / Math.sqrt(dh));
            x = g.add(
                    x,
                    e.linear(
                            attn,
                            Names.block(l, "wo.weight"),
                            w.get(Names.block(l, "wo.weight")),
                            w.get(Names.block(l, "wo.bias"))));
            // x = x + fc1(gelu_tanh(fc0(norm1(x))))
            String hn2 = e.layerNorm(
                    x,
                    Names.block(l, "norm1"),
                    w.get(Names.block(l, "norm1.weight")),
                    w.get(Names.block(l, "norm1.bias")),
                    v.layerNormEps());
            String mid = e.geluTanh(e.linear(
                    hn2,
                    Names.block(l, "mlp.fc0.weight"),
                    w.get(Names.block(l, "mlp.fc0.weight")),
                    w.get(Names.block(l, "mlp.fc0.bias"))));
            x = g.add(
                    x,
                    e.linear(
                            mid,
                            Names.block(l, "mlp.fc1.weight"),
                            w.get(Names.block(l, "mlp.fc1.weight")),
                            w.get(Names.block(l, "mlp.fc1.bias"))));
        }
        g.scope("merger");
        x = e.layerNorm(
                x,
                Names.VISION_FINAL_NORM,
                w.get(Names.VISION_FINAL_NORM + ".weight"),
                w.get(Names.VISION_FINAL_NORM + ".bias"),
                v.layerNormEps());

        // Projector: pre_norm per patch, then [h/2, 2, w/2, 2, D] -> [h/2, w/2, 2, 2, D] -> [tokens, 4D]
        x = e.layerNorm(
                x,
                Names.PROJECTOR + ".pre_norm",
                w.get(Names.PROJECTOR + ".pre_norm.weight"),
                w.get(Names.PROJECTOR + ".pre_norm.bias"),
                v.layerNormEps());
        String rows = g.unsqueeze(g.op("Div", h, g.scalarLong("mh", v.mergeHeight())), 0);
        String cols = g.unsqueeze(g.op("Div", wd, g.scalarLong("mw", v.mergeWidth())), 0);
        String blocks =
                g.op("Reshape", x, g.concat(0, rows, g.shape(v.mergeHeight()), cols, g.shape(v.mergeWidth(), dv)));
        String merged = g.reshape(g.transpose(blocks, 0, 2, 1, 3, 4), -1, v.mergedDim());
        String mid = e.geluErf(e.linear(
                merged,
                Names.PROJECTOR + ".linear_1.weight",
                w.get(Names.PROJECTOR + ".linear_1.weight"),
                w.get(Names.PROJECTOR + ".linear_1.bias")));
        String out = e.linear(
                mid,
                Names.PROJECTOR + ".linear_2.weight",
                w.get(Names.PROJECTOR + ".linear_2.weight"),
                w.get(Names.PROJECTOR + ".linear_2.bias"));
        g.rename(out, IMAGE_FEATURES);
        g.output(IMAGE_FEATURES, Graph.FLOAT, "image_tokens", (long)
                w.config().text().hiddenSize());
        return g.model(
                "deskpilot vision tower + projector for config " + w.config().name());
    }

    /** [H, W, C] -> [C, H, W]. */
    private static float[] channelsFirst(Tensor t) {
        int hh = t.dim(0);
        int ww = t.dim(1);
        int c = t.dim(2);
        float[] src = t.data();
        float[] out = new float[src.length];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < ww; x++) {
                for (int ch = 0; ch < c; ch++) {
                    out[(ch * hh + y) * ww + x] = src[(y * ww + x) * c + ch];
                }
            }
        }
        return out;
    }
}
