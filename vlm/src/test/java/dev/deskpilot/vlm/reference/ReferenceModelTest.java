package dev.deskpilot.vlm.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deskpilot.vlm.ImagePatches;
import dev.deskpilot.vlm.ModelConfig;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.RandomInit;
import dev.deskpilot.vlm.weights.Tensor;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reference forward")
class ReferenceModelTest {
    static final ModelConfig MINI = ModelConfig.bundled("miniature");
    static final ModelWeights WEIGHTS = RandomInit.weights(MINI, 11, 0.1);
    final ReferenceModel model = new ReferenceModel(WEIGHTS);

    static ImagePatches image(int h, int w, long seed) {
        var r = new Random(seed);
        float[] px = new float[h * w * 3 * 14 * 14];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextGaussian();
        }
        return new ImagePatches(px, h, w, 14);
    }

    @Test
    @DisplayName("a non-square image of h x w patches becomes h/2 * w/2 image tokens of the decoder's width")
    void imageTokens() {
        float[][] tokens = model.encodeImage(image(4, 6, 1));
        assertEquals(6, tokens.length);
        assertEquals(MINI.text().hiddenSize(), tokens[0].length);
    }

    @Test
    @DisplayName("decoding token by token with the KV cache gives the logits of the one-shot forward")
    void cacheMatchesPrefill() {
        int[] ids = {256, 72, 105, 33, 259, 10, 65};
        float[][] x = model.embed(ids, new float[0][], new int[0]);
        float[][] full = model.decoder(x, new ReferenceModel.KvCache()).logits();
        var cache = new ReferenceModel.KvCache();
        for (int s = 0; s < ids.length; s++) {
            float[][] step = model.decoder(new float[][] {x[s]}, cache).logits();
            for (int v = 0; v < full[s].length; v++) {
                assertEquals(full[s][v], step[0][v], 1e-5, "position " + s + " vocab " + v);
            }
        }
        assertEquals(ids.length, cache.length());
    }

    @Test
    @DisplayName("image tokens replace the <|media_pad|> placeholders in order, and the counts must match")
    void placeholders() {
        int pad = MINI.mediaPlaceholderTokenId();
        float[][] img = {new float[96], new float[96]};
        img[0][0] = 5;
        img[1][0] = 7;
        float[][] x = model.embed(new int[] {1, pad, pad, 2}, img, new int[0]);
        assertEquals(5, x[1][0]);
        assertEquals(7, x[2][0]);
        assertThrows(IllegalArgumentException.class, () -> model.embed(new int[] {1, pad}, img, new int[0]));
    }

    @Test
    @DisplayName("the router's correction bias only selects experts: it does not scale their outputs")
    void biasOnlySelects() {
        // Shifting every expert's bias by the same amount keeps the same top-k, so nothing changes.
        var shifted = new java.util.LinkedHashMap<>(WEIGHTS.tensors());
        String name = dev.deskpilot.vlm.weights.Names.layer(1, "mlp.gate.e_score_correction_bias");
        float[] b = WEIGHTS.get(name).data().clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += 3;
        }
        shifted.put(name, new Tensor(new int[] {b.length}, b));
        var other = new ReferenceModel(ModelWeights.of(MINI, shifted, java.nio.file.Path.of("test")));
        int[] ids = {256, 72, 105};
        float[][] a = model.decoder(model.embed(ids, new float[0][], new int[0]), new ReferenceModel.KvCache())
                .logits();
        float[][] c = other.decoder(other.embed(ids, new float[0][], new int[0]), new ReferenceModel.KvCache())
                .logits();
        assertArrayEquals(a[2], c[2], 1e-6f);
    }

    @Test
    @DisplayName("top-k ranks experts by score plus bias")
    void topK() {
        assertArrayEquals(
                new int[] {2, 0}, ReferenceModel.topK(new float[] {0.5f, 0.4f, 0.1f}, new float[] {0, 0, 1}, 2));
    }

    @Test
    @DisplayName("bicubic resampling is the identity at the same size and uses PyTorch's a = -0.75 weights")
    void bicubic() {
        int n = 6;
        float[] ramp = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                ramp[y * n + x] = 2 * x + 3 * y;
            }
        }
        assertArrayEquals(ramp, Ops.bicubic(ramp, n, n, 1, n, n), 1e-5f);
        float[] up = Ops.bicubic(ramp, n, n, 1, 12, 12);
        // Output (6, 5) samples source (2.75, 2.25). Keys weights at t = 0.25 are
        // (-0.10546875, 0.87890625, 0.26171875, -0.03515625), reversed at t = 0.75, computed by hand:
        // x part 4.59375 + y part 8.109375 (a = -0.75 does not reproduce ramps exactly).
        assertEquals(12.703125, up[6 * 12 + 5], 1e-5);
    }

    @Test
    @DisplayName("erf matches known values")
    void erf() {
        assertEquals(0.0, Ops.erf(0), 1e-15);
        assertEquals(0.8427007929497149, Ops.erf(1), 1e-13);
        assertEquals(-0.9953222650189527, Ops.erf(-2), 1e-13);
        assertEquals(0.9999779095030014, Ops.erf(3), 1e-13);
    }
}
