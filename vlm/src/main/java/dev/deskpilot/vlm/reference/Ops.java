package dev.deskpilot.vlm.reference;

import dev.deskpilot.vlm.weights.Tensor;

/**
 * The arithmetic of the reference forward, written plainly: row-major {@code float[rows][cols]}
 * activations, weights in PyTorch's {@code Linear.weight} layout {@code [out, in]}, sums in double.
 */
final class Ops {
    private Ops() {}

    /** {@code x W^T}: x [rows][in], w [out, in]. */
    static float[][] linear(float[][] x, Tensor w) {
        int out = w.dim(0);
        int in = w.dim(1);
        float[] wd = w.data();
        float[][] y = new float[x.length][out];
        for (int r = 0; r < x.length; r++) {
            float[] xr = x[r];
            if (xr.length != in) {
                throw new IllegalArgumentException("linear: input width " + xr.length + ", weight expects " + in);
            }
            for (int o = 0; o < out; o++) {
                double s = 0;
                int base = o * in;
                for (int i = 0; i < in; i++) {
                    s += (double) xr[i] * wd[base + i];
                }
                y[r][o] = (float) s;
            }
        }
        return y;
    }

    /** {@code x W^T + b}. */
    static float[][] linear(float[][] x, Tensor w, Tensor b) {
        float[][] y = linear(x, w);
        float[] bd = b.data();
        for (float[] row : y) {
            for (int o = 0; o < row.length; o++) {
                row[o] += bd[o];
            }
        }
        return y;
    }

    /** LayerNorm over each row: (x - mean) / sqrt(var + eps) * weight + bias. */
    static float[][] layerNorm(float[][] x, Tensor weight, Tensor bias, double eps) {
        float[] g = weight.data();
        float[] b = bias.data();
        float[][] y = new float[x.length][];
        for (int r = 0; r < x.length; r++) {
            float[] row = x[r];
            double mean = 0;
            for (float v : row) {
                mean += v;
            }
            mean /= row.length;
            double var = 0;
            for (float v : row) {
                var += (v - mean) * (v - mean);
            }
            var /= row.length;
            double inv = 1 / Math.sqrt(var + eps);
            y[r] = new float[row.length];
            for (int i = 0; i < row.length; i++) {
                y[r][i] = (float) ((row[i] - mean) * inv * g[i] + b[i]);
            }
        }
        return y;
    }

    /** RMSNorm over each row: x / sqrt(mean(x^2) + eps) * weight. */
    static float[][] rmsNorm(float[][] x, Tensor weight, double eps) {
        float[] g = weight.data();
        float[][] y = new float[x.length][];
        for (int r = 0; r < x.length; r++) {
            float[] row = x[r];
            double ms = 0;
            for (float v : row) {
                ms += (double) v * v;
            }
            ms /= row.length;
            double inv = 1 / Math.sqrt(ms + eps);
            y[r] = new float[row.length];
            for (int i = 0; i < row.length; i++) {
                y[r][i] = (float) (row[i] * inv * g[i]);
            }
        }
        return y;
    }

    /** x += y, row by row. */
    static void addInPlace(float[][] x, float[][] y) {
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < x[r].length; i++) {
                x[r][i] += y[r][i];
            }
        }
    }

    /** GELU with the tanh approximation (PyTorch's gelu_pytorch_tanh), as in MoonViT's MLP. */
    static float geluTanh(float x) {
        double c = Math.sqrt(2 / Math.PI);
        return (float) (0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x))));
    }

    /** Exact GELU, x * Phi(x), as in the projector's nn.GELU. */
    static float geluErf(float x) {
        return (float) (0.5 * x * (1 + erf(x / Math.sqrt(2))));
    }

    static float silu(float x) {
        return (float) (x / (1 + Math.exp(-x)));
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** The error function to double precision: Taylor series near zero, continued fraction beyond. */
    static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double term = ax;
            double sum = ax;
            double x2 = ax * ax;
            for (int n = 1; n < 100; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
            double f = ax;
            for (int n = 60; n >= 1; n--) {
                f = ax + (n / 2.0) / f;
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        }
        return x < 0 ? -r : r;
    }

    /** Softmax of a row in place, over its first {@code n} values. */
    static void softmax(double[] row, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, row[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            row[i] = Math.exp(row[i] - max);
            sum += row[i];
        }
        for (int i = 0; i < n; i++) {
            row[i] /= sum;
        }
    }

    /**
     * Rotates adjacent channel pairs (2j, 2j+1) of {@code v[offset ..]} by {@code angles[j]}: the
     * complex multiplication both MoonViT's 2D RoPE and DeepSeek-V3's (algebraically) perform.
     */
    static void rotatePairs(float[] v, int offset, double[] angles) {
        for (int j = 0; j < angles.length; j++) {
            double c = Math.cos(angles[j]);
            double s = Math.sin(angles[j]);
            float a = v[offset + 2 * j];
            float b = v[offset + 2 * j + 1];
            v[offset + 2 * j] = (float) (a * c - b * s);
            v[offset + 2 * j + 1] = (float) (a * s + b * c);
        }
    }

    /**
     * Bicubic resampling of one channel-last grid {@code [inH][inW][c]} to {@code [outH][outW][c]},
     * exactly as PyTorch's {@code F.interpolate(mode="bicubic", align_corners=False)}: source
     * coordinate {@code (o + 0.5) * in/out - 0.5}, Keys kernel with a = -0.75, edge samples clamped.
     */
    static float[] bicubic(float[] grid, int inH, int inW, int c, int outH, int outW) {
        float[] out = new float[outH * outW * c];
        for (int oy = 0; oy < outH; oy++) {
            double sy = (oy + 0.5) * inH / outH - 0.5;
            int y0 = (int) Math.floor(sy);
            double[] wy = cubicWeights(sy - y0);
            for (int ox = 0; ox < outW; ox++) {
                double sx = (ox + 0.5) * inW / outW - 0.5;
                int x0 = (int) Math.floor(sx);
                double[] wx = cubicWeights(sx - x0);
                for (int ch = 0; ch < c; ch++) {
                    double acc = 0;
                    for (int i = 0; i < 4; i++) {
                        int yy = Math.clamp(y0 - 1 + i, 0, inH - 1);
                        double rowAcc = 0;
                        for (int j = 0; j < 4; j++) {
                            int xx = Math.clamp(x0 - 1 + j, 0, inW - 1);
                            rowAcc += wx[j] * grid[(yy * inW + xx) * c + ch];
                        }
                        acc += wy[i] * rowAcc;
                    }
                    out[(oy * outW + ox) * c + ch] = (float) acc;
                }
            }
        }
        return out;
    }

    private static double[] cubicWeights(double t) {
        double a = -0.75;
        return new double[] {cubicFar(t + 1, a), cubicNear(t, a), cubicNear(1 - t, a), cubicFar(2 - t, a)};
    }

    private static double cubicNear(double x, double a) {
        return ((a + 2) * x - (a + 3)) * x * x + 1;
    }

    private static double cubicFar(double x, double a) {
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    }
}
