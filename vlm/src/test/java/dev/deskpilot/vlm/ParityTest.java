package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.vlm.onnx.OnnxExport;
import dev.deskpilot.vlm.onnx.Quantization;
import dev.deskpilot.vlm.reference.ReferenceModel;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.RandomInit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ONNX Runtime against the plain-Java reference forward, for random weights: the graphs must
 * compute Kimi-VL's equations, not merely run.
 */
@DisplayName("ONNX Runtime parity with the reference forward")
class ParityTest {
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("miniature", ExportOptions.Ops.STANDARD),
                Arguments.of("miniature", ExportOptions.Ops.CONTRIB),
                Arguments.of("kimi-vl-tiny", ExportOptions.Ops.STANDARD),
                Arguments.of("kimi-vl-tiny", ExportOptions.Ops.CONTRIB));
    }

    static ImagePatches randomImage(int rows, int cols, long seed) {
        var r = new Random(seed);
        float[] px = new float[rows * cols * 3 * 14 * 14];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return new ImagePatches(px, rows, cols, 14);
    }

    /** [BOS] <|im_user|> "hi" <|media_start|> pads <|media_end|> "ok?" <|im_end|> <|im_assistant|> */
    static int[] prompt(ModelConfig c, int imageTokens) {
        var t = c.tokenizer();
        List<Integer> ids = new ArrayList<>(
                List.of(t.id("[BOS]"), t.id("<|im_user|>"), (int) 'h', (int) 'i', t.id("<|media_start|>")));
        for (int i = 0; i < imageTokens; i++) {
            ids.add(c.mediaPlaceholderTokenId());
        }
        ids.addAll(List.of(
                t.id("<|media_end|>"), (int) 'o', (int) 'k', (int) '?', t.id("<|im_end|>"), t.id("<|im_assistant|>")));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @ParameterizedTest(name = "{0} with {1} ops")
    @MethodSource("cases")
    @DisplayName("logits match for a non-square image and a prompt, in one-shot prefill and token by token")
    void parity(String configName, ExportOptions.Ops ops) throws Exception {
        ModelConfig config = ModelConfig.bundled(configName);
        ModelWeights weights = RandomInit.weights(config, 42, 0.05);
        OnnxExport.export(weights, ExportOptions.DEFAULT.withOps(ops), dir);
        check(config, weights);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"miniature", "kimi-vl-tiny"})
    @DisplayName("int4 graphs (MatMulNBits, QMoE) compute the reference forward of the dequantised weights")
    void int4Parity(String configName) throws Exception {
        ModelConfig config = ModelConfig.bundled(configName);
        ModelWeights weights = RandomInit.weights(config, 42, 0.05);
        // accuracy_level 0 computes in float32, so only the weights' rounding differs from float.
        ExportOptions int4 = ExportOptions.DEFAULT.int4().withAccuracyLevel(0);
        OnnxExport.export(weights, int4, dir);
        check(config, Quantization.dequantized(weights, int4));
    }

    void check(ModelConfig config, ModelWeights weights) throws Exception {
        var reference = new ReferenceModel(weights);
        ImagePatches image = randomImage(4, 6, 5); // 56 x 84 pixels, 6 image tokens

        try (var model = OnnxModel.open(dir, RuntimeOptions.CPU)) {
            assertEquals("CPU", model.executionProvider());
            float[][] refImage = reference.encodeImage(image);
            float[][] ortImage = model.encodeImage(image);
            assertClose(refImage, ortImage, "image tokens");

            int[] ids = prompt(config, refImage.length);
            float[][] embeds = reference.embed(ids, refImage, new int[0]);
            var refCache = new ReferenceModel.KvCache();
            var refOut = reference.decoder(embeds, refCache);
            float[][] refLogits = refOut.logits();

            // One-shot prefill, then greedy decoding of three tokens with the cache.
            try (Sequence seq = model.newSequence()) {
                float[] logits = seq.append(ids, ortImage, new int[0]);
                assertClose(refLogits[ids.length - 1], logits, "prefill logits");
                assertClose(refCache.keys(0), seq.keys(0), "prefill layer-0 keys");
                assertClose(refCache.values(1), seq.values(1), "prefill layer-1 values");
                if (config.grounding().pointer()) {
                    float[][][] pointer = reference.pointer(refOut.hidden());
                    assertClose(pointer[0][ids.length - 1], seq.pointerQuery(), "pointer query");
                    for (int i = 0; i < ids.length; i++) {
                        assertClose(pointer[1][i], seq.pointerKey(i), "pointer key " + i);
                    }
                }
                for (int step = 0; step < 3; step++) {
                    int next = argmax(logits);
                    float[] ref = reference.decoder(
                                    reference.embed(new int[] {next}, new float[0][], new int[0]), refCache)
                            .logits()[0];
                    logits = seq.append(new int[] {next}, new float[0][], new int[0]);
                    assertClose(ref, logits, "decode step " + step);
                }
                assertEquals(ids.length + 3, seq.length());
            }

            // The whole prompt token by token through the cache gives the one-shot logits at every position.
            try (Sequence seq = model.newSequence()) {
                int image0 = 0;
                for (int s = 0; s < ids.length; s++) {
                    boolean pad = ids[s] == config.mediaPlaceholderTokenId();
                    float[][] img = pad ? new float[][] {ortImage[image0++]} : new float[0][];
                    float[] logits = seq.append(new int[] {ids[s]}, img, new int[0]);
                    assertClose(refLogits[s], logits, "token-by-token position " + s);
                }
            }
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static void assertClose(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + " row " + i);
        }
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(expected[i] - actual[i]);
            if (!(diff <= worst)) {
                worst = diff;
                at = i;
            }
        }
        double w = worst;
        int a = at;
        assertTrue(
                worst <= TOLERANCE,
                () -> what + ": max |difference| " + w + " at " + a + " (expected " + expected[a] + ", got " + actual[a]
                        + "); first values " + Arrays.toString(Arrays.copyOf(actual, 4)));
    }
}
