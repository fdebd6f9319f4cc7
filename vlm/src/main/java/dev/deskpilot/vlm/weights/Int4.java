package dev.deskpilot.vlm.weights;

/**
 * Symmetric 4-bit block quantisation of a {@code [N, K]} matrix along K, in the layout ONNX
 * Runtime's MatMulNBits and QMoE read: per row, blocks of {@code block} values, two values per
 * byte with the low nibble first, the zero point fixed at 8, dequantised as {@code (q - 8) * scale}.
 *
 * <p>Each block's scale is its largest-magnitude value divided by -8, so that value is stored
 * exactly as q = 0: MLAS's convention, under which ORT's fast 4-bit MoE path is exact too.
 */
public final class Int4 {
    private Int4() {}

    /**
     * A quantised matrix.
     *
     * @param packed {@code [N, K/block, block/2]} bytes
     * @param scales {@code [N, K/block]} floats
     */
    public record Matrix(int rows, int cols, int block, byte[] packed, float[] scales) {}

    /** Whether a matrix with {@code cols} columns can be quantised in blocks of {@code block}. */
    public static boolean fits(int cols, int block) {
        return cols % block == 0;
    }

    /** Quantises {@code w} of shape [rows, cols] (a PyTorch Linear weight, output-major). */
    public static Matrix quantize(float[] w, int rows, int cols, int block) {
        if (!fits(cols, block)) {
            throw new IllegalArgumentException("cannot quantise " + cols + " columns in blocks of " + block);
        }
        int blocks = cols / block;
        byte[] packed = new byte[rows * cols / 2];
        float[] scales = new float[rows * blocks];
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < blocks; b++) {
                int base = r * cols + b * block;
                float extreme = 0;
                for (int i = 0; i < block; i++) {
                    if (Math.abs(w[base + i]) > Math.abs(extreme)) {
                        extreme = w[base + i];
                    }
                }
                float scale = extreme == 0 ? 1 : extreme / -8f;
                scales[r * blocks + b] = scale;
                for (int i = 0; i < block; i++) {
                    int q = Math.clamp(Math.round(w[base + i] / scale) + 8, 0, 15);
                    int at = base + i; // element index; two per byte
                    if ((at & 1) == 0) {
                        packed[at >> 1] = (byte) q;
                    } else {
                        packed[at >> 1] |= (byte) (q << 4);
                    }
                }
            }
        }
        return new Matrix(rows, cols, block, packed, scales);
    }

    /** The float matrix a quantised one stands for. */
    public static float[] dequantize(Matrix m) {
        float[] out = new float[m.rows() * m.cols()];
        int blocks = m.cols() / m.block();
        for (int at = 0; at < out.length; at++) {
            int q = (m.packed()[at >> 1] >> ((at & 1) * 4)) & 0xf;
            int r = at / m.cols();
            int b = (at % m.cols()) / m.block();
            out[at] = (q - 8) * m.scales()[r * blocks + b];
        }
        return out;
    }
}
