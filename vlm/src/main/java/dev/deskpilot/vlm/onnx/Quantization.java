package dev.deskpilot.vlm.onnx;

import dev.deskpilot.vlm.ExportOptions;
import dev.deskpilot.vlm.TextConfig;
import dev.deskpilot.vlm.weights.Int4;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.ParameterLayout;
import dev.deskpilot.vlm.weights.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which weights an int4 export stores in 4 bits, and the float weights that stand for them. Every
 * projection matrix whose input width is a multiple of the block size is quantised (MatMulNBits),
 * routed experts when both the hidden and expert widths are (QMoE); the router, the embeddings, the
 * norms and the biases stay float32.
 */
public final class Quantization {
    private Quantization() {}

    /** Whether the export quantises this parameter. */
    public static boolean quantizes(ParameterLayout.Param p, TextConfig t, ExportOptions options) {
        if (options.quantize() != ExportOptions.Quantization.INT4 || p.role() != ParameterLayout.Role.MATRIX) {
            return false;
        }
        if (p.name().endsWith("mlp.gate.weight")) {
            return false; // the router stays float32: selection is sensitive to small errors
        }
        if (p.routedExpert()) {
            return Int4.fits(t.hiddenSize(), options.blockSize())
                    && Int4.fits(t.moeIntermediateSize(), options.blockSize());
        }
        int cols = 1;
        for (int i = 1; i < p.shape().length; i++) {
            cols *= p.shape()[i];
        }
        return Int4.fits(cols, options.blockSize());
    }

    /** The weights an int4 export computes with: each quantised matrix replaced by its dequantised value. */
    public static ModelWeights dequantized(ModelWeights w, ExportOptions options) {
        var layout = ParameterLayout.of(w.config());
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var p : layout.params()) {
            Tensor t = w.get(p.name());
            if (quantizes(p, w.config().text(), options)) {
                int rows = p.shape()[0];
                int cols = t.size() / rows;
                float[] dq = Int4.dequantize(Int4.quantize(t.data(), rows, cols, options.blockSize()));
                t = new Tensor(p.shape(), dq);
            }
            out.put(p.name(), t);
        }
        return ModelWeights.of(w.config(), out, Path.of("<dequantized int4>"));
    }
}
