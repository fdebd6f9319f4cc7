package dev.deskpilot.vlm.onnx;

import dev.deskpilot.vlm.ExportOptions;
import dev.deskpilot.vlm.weights.Int4;
import dev.deskpilot.vlm.weights.Tensor;
import java.util.Map;

/**
 * The op choices shared by the three graphs: linear layers as float MatMul or 4-bit MatMulNBits,
 * RMSNorm as decomposed ops or ONNX Runtime's fused kernels, and the activations.
 */
final class Emit {
    final Graph g;
    final ExportOptions options;

    Emit(Graph g, ExportOptions options) {
        this.g = g;
        this.options = options;
    }

    boolean contrib() {
        return options.ops() == ExportOptions.Ops.CONTRIB;
    }

    boolean int4() {
        return options.quantize() == ExportOptions.Quantization.INT4;
    }

    /** {@code x W^T} for a PyTorch Linear weight {@code w [out, in]}; {@code name} names the initializer. */
    String linear(String x, String name, Tensor w) {
        int out = w.dim(0);
        int in = w.dim(1);
        if (int4() && Int4.fits(in, options.blockSize())) {
            Int4.Matrix q = Int4.quantize(w.data(), out, in, options.blockSize());
            String b = g.bytes(name + ".qweight", q.packed(), out, in / options.blockSize(), options.blockSize() / 2);
            String s = g.weight(name + ".scales", q.scales(), out * (in / options.blockSize()));
            return g.op(
                    "com.microsoft:MatMulNBits",
                    Map.of(
                            "K",
                            in,
                            "N",
                            out,
                            "bits",
                            4,
                            "block_size",
                            options.blockSize(),
                            "accuracy_level",
                            options.accuracyLevel()),
                    x,
                    b,
                    s);
        }
        return g.matmul(x, g.weight(name, transpose(w), in, out));
    }

    /** {@code x W^T + b}. */
    String linear(String x, String name, Tensor w, Tensor bias) {
        return g.add(linear(x, name, w), g.weight(name + ".bias", bias));
    }

    /** RMSNorm over the last axis: x / sqrt(mean(x^2) + eps) * gamma. */
    String rmsNorm(String x, String name, Tensor gamma, double eps) {
        String gw = g.weight(name, gamma);
        if (contrib()) {
            // ORT registers SimplifiedLayerNormalization in the default domain, not com.microsoft.
            return g.op("SimplifiedLayerNormalization", Map.of("axis", -1, "epsilon", (float) eps), x, gw);
        }
        String ms = g.op("ReduceMean", Map.of("keepdims", 1), g.mul(x, x), g.shape(-1));
        String inv = g.op("Reciprocal", g.op("Sqrt", g.add(ms, g.scalar("eps", (float) eps))));
        return g.mul(g.mul(x, inv), gw);
    }

    /**
     * The residual step {@code sum = x + delta} followed by RMSNorm of the sum; returns
     * {normed, sum}. Fused into SkipSimplifiedLayerNormalization with the contrib ops.
     */
    String[] addRmsNorm(String x, String delta, String name, Tensor gamma, double eps) {
        if (contrib()) {
            String gw = g.weight(name, gamma);
            String base = g.fresh("skip_norm");
            // outputs: normed, mean, inv_std_var, input_skip_bias_sum
            String[] outs = {base + ".y", "", "", base + ".sum"};
            g.node(
                    "com.microsoft:SkipSimplifiedLayerNormalization",
                    Map.of("epsilon", (float) eps),
                    new String[] {delta, x, gw},
                    outs);
            return new String[] {outs[0], outs[3]};
        }
        String sum = g.add(x, delta);
        return new String[] {rmsNorm(sum, name, gamma, eps), sum};
    }

    /** LayerNorm over the last axis with scale and shift. */
    String layerNorm(String x, String name, Tensor gamma, Tensor beta, double eps) {
        return g.op(
                "LayerNormalization",
                Map.of("axis", -1, "epsilon", (float) eps),
                x,
                g.weight(name + ".weight", gamma),
                g.weight(name + ".bias", beta));
    }

    /** GELU, tanh approximation (MoonViT's MLP). */
    String geluTanh(String x) {
        if (contrib()) {
            return g.op("com.microsoft:FastGelu", x);
        }
        // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
        String x3 = g.mul(g.mul(x, x), x);
        String inner =
                g.mul(g.add(x, g.mul(x3, g.scalar("c", 0.044715f))), g.scalar("k", (float) Math.sqrt(2 / Math.PI)));
        String t = g.add(g.op("Tanh", inner), g.scalar("one", 1f));
        return g.mul(g.mul(x, t), g.scalar("half", 0.5f));
    }

    /** Exact GELU, 0.5 x (1 + erf(x / sqrt 2)) (the projector's). */
    String geluErf(String x) {
        String e = g.op("Erf", g.mul(x, g.scalar("inv_sqrt2", (float) (1 / Math.sqrt(2)))));
        return g.mul(g.mul(x, g.add(e, g.scalar("one", 1f))), g.scalar("half", 0.5f));
    }

    /** silu(gate) * up. */
    String swiGlu(String gate, String up) {
        return g.mul(g.mul(gate, g.op("Sigmoid", gate)), up);
    }

    /** The transpose of a [rows, cols] matrix, as MatMul's [in, out] right operand. */
    static float[] transpose(Tensor w) {
        int rows = w.dim(0);
        int cols = w.dim(1);
        float[] src = w.data();
        float[] t = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = src[r * cols + c];
            }
        }
        return t;
    }
}
