package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.vlm.onnx.OnnxExport;
import dev.deskpilot.vlm.reference.ReferenceModel;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.RandomInit;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Generation")
class GenerationTest {
    static final ModelConfig MINI = ModelConfig.bundled("miniature");

    @TempDir
    static Path dir;

    static ModelWeights weights;
    static OnnxModel model;
    static Tokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        weights = RandomInit.weights(MINI, 3, 0.05);
        OnnxExport.export(weights, ExportOptions.DEFAULT, dir);
        model = OnnxModel.open(dir, RuntimeOptions.CPU);
        tokenizer = Tokenizers.forModel(dir, MINI);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static ImageProcessor.Processed screenshot() {
        var img = new BufferedImage(100, 60, BufferedImage.TYPE_INT_RGB); // pads to 112 x 84: 4 x 3 tokens
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(10, 10, 40, 20);
        g.dispose();
        return ImageProcessor.process(img, MINI.vision());
    }

    static PromptBuilder.Input prompt(List<OcrWord> words) {
        return new PromptBuilder(MINI, tokenizer)
                .system("You are a GUI agent.")
                .user()
                .text("Click OK. ")
                .image(screenshot(), words)
                .end()
                .generationPrompt()
                .build();
    }

    final Generator generator = new Generator(model, tokenizer);
    final SamplingSettings noStop = new SamplingSettings(0, 1, 6, Set.of(), 0);

    @Test
    @DisplayName("greedy decoding picks the reference forward's argmax at every step")
    void greedyMatchesReference() {
        var input = prompt(List.of());
        Generation gen = generator.generate(input, noStop, LogitsProcessor.NONE);
        assertEquals(6, gen.tokens().length);
        assertEquals(Generation.Stop.MAX_TOKENS, gen.stop());

        var ref = new ReferenceModel(weights);
        float[][] image = ref.encodeImage(input.images().get(0));
        var cache = new ReferenceModel.KvCache();
        float[][] logits =
                ref.decoder(ref.embed(input.ids(), image, new int[0]), cache).logits();
        float[] last = logits[logits.length - 1];
        int[] expected = new int[6];
        for (int i = 0; i < 6; i++) {
            last[MINI.mediaPlaceholderTokenId()] = Float.NEGATIVE_INFINITY;
            expected[i] = Generator.choose(last, noStop, null);
            last = ref.decoder(ref.embed(new int[] {expected[i]}, new float[0][], new int[0]), cache)
                    .logits()[0];
        }
        assertArrayEquals(expected, gen.tokens());
        assertEquals(tokenizer.decode(expected), gen.text());
    }

    @Test
    @DisplayName("a logits processor can restrict the vocabulary")
    void processorRestricts() {
        LogitsProcessor onlyA = (generated, logits) -> {
            for (int i = 0; i < logits.length; i++) {
                if (i != 'a') {
                    logits[i] = Float.NEGATIVE_INFINITY;
                }
            }
        };
        assertEquals(
                "aaaaaa", generator.generate(prompt(List.of()), noStop, onlyA).text());
    }

    @Test
    @DisplayName("generation ends at a stop token, which is not part of the reply")
    void stopsAtStopToken() {
        int imEnd = MINI.tokenizer().id("<|im_end|>");
        LogitsProcessor endAfterTwo = (generated, logits) -> {
            Arrays.fill(logits, Float.NEGATIVE_INFINITY);
            logits[generated.length < 2 ? 'x' : imEnd] = 0;
        };
        Generation gen = generator.generate(prompt(List.of()), SamplingSettings.greedy(MINI, 10), endAfterTwo);
        assertEquals(Generation.Stop.STOP_TOKEN, gen.stop());
        assertEquals("xx", gen.text());
    }

    @Test
    @DisplayName("sampling is reproducible with a seed, and a tiny top-p is greedy")
    void sampling() {
        var input = prompt(List.of());
        var hot = noStop.withTemperature(1.5, 1.0, 99);
        assertArrayEquals(
                generator.generate(input, hot, LogitsProcessor.NONE).tokens(),
                generator.generate(input, hot, LogitsProcessor.NONE).tokens());
        var nucleus = noStop.withTemperature(1.0, 1e-6, 5);
        assertArrayEquals(
                generator.generate(input, noStop, LogitsProcessor.NONE).tokens(),
                generator.generate(input, nucleus, LogitsProcessor.NONE).tokens());
    }

    @Test
    @DisplayName("pointing turns <|loc|>, a target and an offset into pixel coordinates in the text")
    void pointing() {
        int loc = MINI.tokenizer().id("<|loc|>");
        LogitsProcessor pointFirst = (generated, logits) -> {
            if (generated.length == 0) {
                Arrays.fill(logits, Float.NEGATIVE_INFINITY);
                logits[loc] = 0;
            }
        };
        List<OcrWord> words = List.of(new OcrWord("OK", new Rect(12, 12, 30, 14)));
        var input = prompt(words);
        Generation gen = generator.generate(input, new SamplingSettings(0, 1, 3, Set.of(), 0), pointFirst);
        assertEquals(1, gen.points().size());
        Point p = gen.points().get(0);
        assertTrue(p.x() >= 0 && p.x() < 112 && p.y() >= 0 && p.y() < 84, p::toString);
        assertTrue(gen.text().startsWith("(" + p.x() + "," + p.y() + ")"), gen::text);
        assertEquals(loc, gen.tokens()[0]);
    }

    @Test
    @DisplayName("the prompt follows Kimi-VL's chat template, one <|media_pad|> per image token")
    void chatTemplate() {
        var input = prompt(List.of());
        String pads = "<|media_pad|>".repeat(12);
        assertEquals(
                "<|im_system|>system<|im_middle|>You are a GUI agent.<|im_end|>"
                        + "<|im_user|>user<|im_middle|>Click OK. <|media_start|>image<|media_content|>" + pads
                        + "<|media_end|><|im_end|><|im_assistant|>assistant<|im_middle|>",
                tokenizer.decode(input.ids()));
        assertEquals(12, input.targets().size());
    }

    @Test
    @DisplayName("OCR words follow the image with their tokens placed on the patches' grid")
    void ocrStream() {
        var input = prompt(List.of(new OcrWord("OK", new Rect(84, 56, 14, 14))));
        String text = tokenizer.decode(input.ids());
        assertTrue(text.contains("<|media_end|><|ocr_start|>OK<|ocr_end|>"), text);
        int at = text.indexOf("<|ocr_start|>");
        int okIndex = -1;
        for (int i = 0; i < input.ids().length; i++) {
            if (input.ids()[i] == 'O' && input.ocrCells()[i] >= 0) {
                okIndex = i;
            }
        }
        assertTrue(at > 0 && okIndex > 0);
        // Centre (91, 63) lies in patch (4, 6) of a 6 x 8 grid; grid cell ((4.5)*32/6, (6.5)*32/8) = (24, 26).
        assertEquals(24 * 32 + 26, input.ocrCells()[okIndex]);
        assertEquals(13, input.targets().size()); // 12 image tokens + 1 word
    }

    @Test
    @DisplayName("the byte tokenizer round-trips any text and spells special tokens")
    void byteTokenizer() {
        String text = "Größe: 5 € — ok\n";
        assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
        assertEquals(
                "a<|im_end|>", tokenizer.decode(new int[] {'a', MINI.tokenizer().id("<|im_end|>")}));
    }
}
