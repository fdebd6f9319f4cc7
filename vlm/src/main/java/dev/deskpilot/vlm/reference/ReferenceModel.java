package dev.deskpilot.vlm.reference;

import static dev.deskpilot.vlm.reference.Ops.addInPlace;
import static dev.deskpilot.vlm.reference.Ops.layerNorm;
import static dev.deskpilot.vlm.reference.Ops.linear;
import static dev.deskpilot.vlm.reference.Ops.rmsNorm;

import dev.deskpilot.vlm.ImagePatches;
import dev.deskpilot.vlm.ModelConfig;
import dev.deskpilot.vlm.TextConfig;
import dev.deskpilot.vlm.VisionConfig;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kimi-VL's forward pass in plain Java, written from the architecture's equations: clear and slow,
 * the oracle the ONNX graphs are tested against. One method per network: {@link #visionTower},
 * {@link #projector}, {@link #embed} and {@link #decoder}. Activations are {@code float[tokens][width]}.
 */
public final class ReferenceModel {
    private final ModelConfig config;
    private final ModelWeights w;

    public ReferenceModel(ModelWeights weights) {
        this.config = weights.config();
        this.w = weights;
    }

    public ModelConfig config() {
        return config;
    }

    /** Image tokens for one image: the vision tower, then the patch merger and projector. */
    public float[][] encodeImage(ImagePatches image) {
        return projector(visionTower(image), image.gridHeight(), image.gridWidth());
    }

    // ---------------------------------------------------------------- MoonViT

    /** MoonViT: patch embedding plus interpolated position embedding, pre-norm blocks with 2D RoPE. */
    public float[][] visionTower(ImagePatches image) {
        VisionConfig v = config.vision();
        int h = image.gridHeight();
        int wd = image.gridWidth();
        int L = h * wd;
        int dv = v.hiddenSize();
        int heads = v.numAttentionHeads();
        int dh = v.headDim();

        // patch_embed: a Conv2d with kernel = stride = patch, i.e. a Linear over the 3*14*14 values
        float[][] patches = new float[L][];
        int pv = v.patchValues();
        for (int i = 0; i < L; i++) {
            patches[i] = Arrays.copyOfRange(image.pixelValues(), i * pv, (i + 1) * pv);
        }
        float[][] x = linear(patches, w.get(Names.PATCH_EMBED_WEIGHT).reshape(dv, pv), w.get(Names.PATCH_EMBED_BIAS));

        // pos_emb: the learned [64, 64, D] grid resampled bicubically to this image's (h, w), added
        float[] posEmb = Ops.bicubic(w.get(Names.POS_EMB).data(), v.initPosEmbHeight(), v.initPosEmbWidth(), dv, h, wd);
        for (int i = 0; i < L; i++) {
            for (int c = 0; c < dv; c++) {
                x[i][c] += posEmb[i * dv + c];
            }
        }

        // 2D RoPE angles per patch: pair 2i of a head turns with the column, pair 2i+1 with the row
        double[][] angles = new double[L][dh / 2];
        for (int i = 0; i < L; i++) {
            int row = i / wd;
            int col = i % wd;
            for (int f = 0; f < dh / 4; f++) {
                double freq = Math.pow(v.ropeTheta(), -4.0 * f / dh);
                angles[i][2 * f] = col * freq;
                angles[i][2 * f + 1] = row * freq;
            }
        }

        for (int l = 0; l < v.numHiddenLayers(); l++) {
            // x = x + wo(Attn(RoPE2D(wqkv(norm0(x)))))
            float[][] hn = layerNorm(
                    x, w.get(Names.block(l, "norm0.weight")), w.get(Names.block(l, "norm0.bias")), v.layerNormEps());
            float[][] qkv = linear(hn, w.get(Names.block(l, "wqkv.weight")), w.get(Names.block(l, "wqkv.bias")));
            float[][] q = new float[L][];
            float[][] k = new float[L][];
            float[][] val = new float[L][];
            for (int i = 0; i < L; i++) {
                q[i] = Arrays.copyOfRange(qkv[i], 0, dv); // Q | K | V are contiguous thirds
                k[i] = Arrays.copyOfRange(qkv[i], dv, 2 * dv);
                val[i] = Arrays.copyOfRange(qkv[i], 2 * dv, 3 * dv);
                for (int hd = 0; hd < heads; hd++) {
                    Ops.rotatePairs(q[i], hd * dh, angles[i]);
                    Ops.rotatePairs(k[i], hd * dh, angles[i]);
                }
            }
            float[][] attn = attention(q, k, val, heads, dh, dh, 1 / Math.sqrt(dh), 0, false);
            addInPlace(x, linear(attn, w.get(Names.block(l, "wo.weight")), w.get(Names.block(l, "wo.bias"))));

            // x = x + fc1(gelu_tanh(fc0(norm1(x))))
            float[][] hn2 = layerNorm(
                    x, w.get(Names.block(l, "norm1.weight")), w.get(Names.block(l, "norm1.bias")), v.layerNormEps());
            float[][] mid = linear(hn2, w.get(Names.block(l, "mlp.fc0.weight")), w.get(Names.block(l, "mlp.fc0.bias")));
            for (float[] row : mid) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = Ops.geluTanh(row[c]);
                }
            }
            addInPlace(x, linear(mid, w.get(Names.block(l, "mlp.fc1.weight")), w.get(Names.block(l, "mlp.fc1.bias"))));
        }
        return layerNorm(
                x,
                w.get(Names.VISION_FINAL_NORM + ".weight"),
                w.get(Names.VISION_FINAL_NORM + ".bias"),
                v.layerNormEps());
    }

    // ---------------------------------------------------------------- projector

    /**
     * The 2x2 patch merger and the projector MLP: each 2x2 block of patches (sub-order (2r,2c),
     * (2r,2c+1), (2r+1,2c), (2r+1,2c+1)) is LayerNormed per patch, concatenated, then
     * linear_1 -> GELU (erf) -> linear_2 into the language model's width.
     */
    public float[][] projector(float[][] visionOut, int h, int wd) {
        VisionConfig v = config.vision();
        int mh = v.mergeHeight();
        int mw = v.mergeWidth();
        int dv = v.hiddenSize();
        float[][] normed = layerNorm(
                visionOut,
                w.get(Names.PROJECTOR + ".pre_norm.weight"),
                w.get(Names.PROJECTOR + ".pre_norm.bias"),
                v.layerNormEps());
        int rows = h / mh;
        int cols = wd / mw;
        float[][] merged = new float[rows * cols][v.mergedDim()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int sub = 0;
                for (int i = 0; i < mh; i++) {
                    for (int j = 0; j < mw; j++) {
                        float[] patch = normed[(r * mh + i) * wd + (c * mw + j)];
                        System.arraycopy(patch, 0, merged[r * cols + c], sub * dv, dv);
                        sub++;
                    }
                }
            }
        }
        float[][] mid =
                linear(merged, w.get(Names.PROJECTOR + ".linear_1.weight"), w.get(Names.PROJECTOR + ".linear_1.bias"));
        for (float[] row : mid) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Ops.geluErf(row[c]);
            }
        }
        return linear(mid, w.get(Names.PROJECTOR + ".linear_2.weight"), w.get(Names.PROJECTOR + ".linear_2.bias"));
    }

    // ---------------------------------------------------------------- embedding

    /**
     * Input embeddings: embed_tokens rows, with the image tokens written in order at the
     * {@code <|media_pad|>} positions, and the OCR position embedding added where {@code ocrCells}
     * is at least zero (a cell of the init_pos_emb grid, row-major; -1 for other tokens).
     */
    public float[][] embed(int[] ids, float[][] imageTokens, int[] ocrCells) {
        int d = config.text().hiddenSize();
        float[] table = w.get(Names.EMBED_TOKENS).data();
        float[][] x = new float[ids.length][];
        int image = 0;
        for (int s = 0; s < ids.length; s++) {
            if (ids[s] == config.mediaPlaceholderTokenId()) {
                if (image >= imageTokens.length) {
                    throw new IllegalArgumentException(
                            "more <|media_pad|> tokens than image tokens (" + imageTokens.length + ")");
                }
                x[s] = imageTokens[image++].clone();
            } else {
                x[s] = Arrays.copyOfRange(table, ids[s] * d, (ids[s] + 1) * d);
            }
            if (ocrCells.length > 0 && ocrCells[s] >= 0) {
                float[] pos = w.get(Names.OCR_POS_EMB).data();
                for (int c = 0; c < d; c++) {
                    x[s][c] += pos[ocrCells[s] * d + c];
                }
            }
        }
        if (image != imageTokens.length) {
            throw new IllegalArgumentException(
                    imageTokens.length + " image tokens but " + image + " <|media_pad|> tokens");
        }
        return x;
    }

    // ---------------------------------------------------------------- decoder

    /** The keys and values of every past position, per layer: keys already rotated. */
    public static final class KvCache {
        final List<List<float[]>> keys = new ArrayList<>(); // (layer, position) -> [heads * qk_head_dim]
        final List<List<float[]>> values = new ArrayList<>(); // (layer, position) -> [heads * v_head_dim]

        /** Positions held. */
        public int length() {
            return keys.isEmpty() ? 0 : keys.get(0).size();
        }

        /** Layer {@code l}'s keys as [position][heads * qk_head_dim]. */
        public float[][] keys(int l) {
            return keys.get(l).toArray(new float[0][]);
        }

        /** Layer {@code l}'s values as [position][heads * v_head_dim]. */
        public float[][] values(int l) {
            return values.get(l).toArray(new float[0][]);
        }
    }

    /** What one decoder call returns: logits and the final-normed hidden states of the new positions. */
    public record DecoderOutput(float[][] logits, float[][] hidden) {}

    /**
     * The DeepSeek-V3 decoder over new positions {@code cache.length() ..}: for each layer
     * {@code x += MLA(RMSNorm(x)); x += MLP_or_MoE(RMSNorm(x))}, then the final norm and lm_head.
     * Appends the new keys and values to {@code cache}.
     */
    public DecoderOutput decoder(float[][] inputsEmbeds, KvCache cache) {
        TextConfig t = config.text();
        int start = cache.length();
        float[][] x = new float[inputsEmbeds.length][];
        for (int s = 0; s < x.length; s++) {
            x[s] = inputsEmbeds[s].clone();
        }
        while (cache.keys.size() < t.numHiddenLayers()) {
            cache.keys.add(new ArrayList<>());
            cache.values.add(new ArrayList<>());
        }
        for (int l = 0; l < t.numHiddenLayers(); l++) {
            float[][] h = rmsNorm(x, w.get(Names.layer(l, "input_layernorm.weight")), t.rmsNormEps());
            addInPlace(x, multiHeadLatentAttention(l, h, start, cache));
            float[][] h2 = rmsNorm(x, w.get(Names.layer(l, "post_attention_layernorm.weight")), t.rmsNormEps());
            addInPlace(x, t.isMoeLayer(l) ? mixtureOfExperts(l, h2) : swiGlu(h2, Names.layer(l, "mlp.")));
        }
        float[][] hidden = rmsNorm(x, w.get(Names.FINAL_NORM), t.rmsNormEps());
        return new DecoderOutput(linear(hidden, w.get(Names.LM_HEAD)), hidden);
    }

    /** The pointer head's projections of final-normed hidden states: {queries, keys}, each [S][pointer_dim]. */
    public float[][][] pointer(float[][] hidden) {
        return new float[][][] {linear(hidden, w.get(Names.POINTER_Q)), linear(hidden, w.get(Names.POINTER_K))};
    }

    /**
     * MLA: q = q_proj(h); [c_kv | k_pe] = kv_a_proj_with_mqa(h); [k_nope | v] =
     * kv_b_proj(kv_a_layernorm(c_kv)); RoPE on q_pe and the one shared k_pe; causal attention of
     * Q = [q_nope | q_pe] against K = [k_nope | k_pe] over cache and new positions; o_proj.
     */
    private float[][] multiHeadLatentAttention(int l, float[][] h, int start, KvCache cache) {
        TextConfig t = config.text();
        int S = h.length;
        int n = t.numAttentionHeads();
        int nope = t.qkNopeHeadDim();
        int rope = t.qkRopeHeadDim();
        int qk = t.qkHeadDim();
        int vd = t.vHeadDim();
        int r = t.kvLoraRank();

        float[][] q = linear(h, w.get(Names.layer(l, "self_attn.q_proj.weight"))); // [S][n * qk]
        float[][] ckv = linear(h, w.get(Names.layer(l, "self_attn.kv_a_proj_with_mqa.weight"))); // [S][r + rope]
        float[][] cKv = new float[S][];
        float[][] kPe = new float[S][];
        for (int s = 0; s < S; s++) {
            cKv[s] = Arrays.copyOf(ckv[s], r);
            kPe[s] = Arrays.copyOfRange(ckv[s], r, r + rope);
        }
        float[][] kv = linear(
                rmsNorm(cKv, w.get(Names.layer(l, "self_attn.kv_a_layernorm.weight")), TextConfig.KV_A_LAYERNORM_EPS),
                w.get(Names.layer(l, "self_attn.kv_b_proj.weight"))); // [S][n * (nope + vd)]

        for (int s = 0; s < S; s++) {
            double[] angles = ropeAngles(start + s);
            Ops.rotatePairs(kPe[s], 0, angles);
            float[] key = new float[n * qk];
            float[] value = new float[n * vd];
            for (int hd = 0; hd < n; hd++) {
                Ops.rotatePairs(q[s], hd * qk + nope, angles);
                System.arraycopy(kv[s], hd * (nope + vd), key, hd * qk, nope);
                System.arraycopy(kPe[s], 0, key, hd * qk + nope, rope); // one k_pe for every head
                System.arraycopy(kv[s], hd * (nope + vd) + nope, value, hd * vd, vd);
            }
            cache.keys.get(l).add(key);
            cache.values.get(l).add(value);
        }
        float[][] out = attention(q, cache.keys(l), cache.values(l), n, qk, vd, t.softmaxScale(), start, true);
        return linear(out, w.get(Names.layer(l, "self_attn.o_proj.weight")));
    }

    /** DeepSeek-V3's rotary angles at a position: pair j turns by pos * theta^(-2j/rope_dim). */
    private double[] ropeAngles(int position) {
        TextConfig t = config.text();
        double[] a = new double[t.qkRopeHeadDim() / 2];
        for (int j = 0; j < a.length; j++) {
            a[j] = position * Math.pow(t.ropeTheta(), -2.0 * j / t.qkRopeHeadDim());
        }
        return a;
    }

    /**
     * Scaled dot-product attention per head. Query s sits at position {@code start + s}; when
     * causal it sees keys 0 .. start + s.
     */
    private static float[][] attention(
            float[][] q,
            float[][] k,
            float[][] v,
            int heads,
            int qkDim,
            int vDim,
            double scale,
            int start,
            boolean causal) {
        float[][] out = new float[q.length][heads * vDim];
        double[] p = new double[k.length];
        for (int s = 0; s < q.length; s++) {
            int visible = causal ? start + s + 1 : k.length;
            for (int hd = 0; hd < heads; hd++) {
                for (int j = 0; j < visible; j++) {
                    double dot = 0;
                    for (int c = 0; c < qkDim; c++) {
                        dot += (double) q[s][hd * qkDim + c] * k[j][hd * qkDim + c];
                    }
                    p[j] = dot * scale;
                }
                Ops.softmax(p, visible);
                for (int c = 0; c < vDim; c++) {
                    double acc = 0;
                    for (int j = 0; j < visible; j++) {
                        acc += p[j] * v[j][hd * vDim + c];
                    }
                    out[s][hd * vDim + c] = (float) acc;
                }
            }
        }
        return out;
    }

    /** SwiGLU MLP: down_proj(silu(gate_proj(h)) * up_proj(h)); {@code prefix} ends in "mlp." or similar. */
    private float[][] swiGlu(float[][] h, String prefix) {
        float[][] gate = linear(h, w.get(prefix + "gate_proj.weight"));
        float[][] up = linear(h, w.get(prefix + "up_proj.weight"));
        for (int s = 0; s < gate.length; s++) {
            for (int i = 0; i < gate[s].length; i++) {
                gate[s][i] = Ops.silu(gate[s][i]) * up[s][i];
            }
        }
        return linear(gate, w.get(prefix + "down_proj.weight"));
    }

    /**
     * DeepSeek-V3 MoE: scores s = sigmoid(h W_gate^T); experts chosen by top-k of
     * s + e_score_correction_bias (the bias only selects); weights = chosen s renormalised and
     * times routed_scaling_factor; y = sum_k weight_k Expert_k(h) + SharedExperts(h).
     */
    private float[][] mixtureOfExperts(int l, float[][] h) {
        TextConfig t = config.text();
        int E = t.nRoutedExperts();
        int k = t.numExpertsPerTok();
        float[][] logits = linear(h, w.get(Names.layer(l, "mlp.gate.weight"))); // [S][E]
        float[] bias = w.get(Names.layer(l, "mlp.gate.e_score_correction_bias")).data();
        float[][] y = t.nSharedExperts() > 0
                ? swiGlu(h, Names.layer(l, "mlp.shared_experts."))
                : new float[h.length][h[0].length];
        for (int s = 0; s < h.length; s++) {
            float[] scores = new float[E];
            for (int e = 0; e < E; e++) {
                scores[e] = Ops.sigmoid(logits[s][e]);
            }
            int[] chosen = topK(scores, bias, k);
            double sum = 0;
            for (int e : chosen) {
                sum += scores[e];
            }
            float[][] token = {h[s]};
            for (int e : chosen) {
                double weight = scores[e] / (sum + 1e-20) * t.routedScalingFactor();
                float[] out = swiGlu(token, Names.expert(l, e, ""))[0];
                for (int c = 0; c < out.length; c++) {
                    y[s][c] += (float) (weight * out[c]);
                }
            }
        }
        return y;
    }

    /** Indices of the k largest {@code scores[e] + bias[e]}, best first (ties to the lower index). */
    static int[] topK(float[] scores, float[] bias, int k) {
        Integer[] order = new Integer[scores.length];
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b] + bias[b], scores[a] + bias[a]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
