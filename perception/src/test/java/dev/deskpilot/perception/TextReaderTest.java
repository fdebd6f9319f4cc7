package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.ocr.OcrModels;
import dev.deskpilot.perception.ocr.SwingScreens;
import dev.deskpilot.perception.ocr.WordScore;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TextReader")
class TextReaderTest {
    static TextReader reader;

    @BeforeAll
    static void open() {
        reader = TextReader.open();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    @DisplayName("reads the words of Swing labels and buttons, with boxes on them")
    void readsSwingText() {
        var screen = SwingScreens.labelsAndButtons(640, 240, new Font(Font.DIALOG, Font.PLAIN, 14), false, 42);
        reader.forget();
        List<TextLine> lines = reader.read(screen.image());
        var score = WordScore.of(
                screen.truth(), lines.stream().flatMap(l -> l.words().stream()).toList());
        assertTrue(score.truth() > 40, "the screen should hold many words, had " + score.truth());
        assertTrue(score.recall() >= 0.95, () -> "recall " + score.recall() + ", missed " + score.missed());
        assertTrue(
                score.precision() >= 0.95, () -> "precision " + score.precision() + ", spurious " + score.spurious());
    }

    @Test
    @DisplayName("gives each line its words, left to right, inside the line's box and joined by spaces")
    void linesHoldTheirWords() {
        BufferedImage image = blank(400, 120, Color.WHITE);
        draw(image, "Open recent files", 20, 50, 18);
        draw(image, "Cancel", 260, 100, 18);
        reader.forget();
        List<TextLine> lines = reader.read(image);
        assertEquals(
                List.of("Open recent files", "Cancel"),
                lines.stream().map(TextLine::text).toList());
        for (TextLine line : lines) {
            assertEquals(
                    line.text(),
                    String.join(" ", line.words().stream().map(Word::text).toList()));
            int previousRight = Integer.MIN_VALUE;
            for (Word word : line.words()) {
                assertTrue(inside(word.box(), line.box()), word + " outside " + line.box());
                assertTrue(word.box().x() >= previousRight, "words overlap in " + line);
                previousRight = word.box().x() + word.box().width();
                assertTrue(word.confidence() > 0.5, word::toString);
            }
        }
        Rect cancel = lines.get(1).box();
        assertTrue(cancel.x() >= 255 && cancel.x() <= 265 && cancel.y() >= 80 && cancel.y() <= 100, cancel::toString);
    }

    @Test
    @DisplayName("reads nothing on an empty screen, a flat colour or a tiny image")
    void emptyScreens() {
        reader.forget();
        assertTrue(reader.read(blank(1280, 800, Color.WHITE)).isEmpty());
        assertTrue(reader.read(blank(300, 200, new Color(30, 60, 90))).isEmpty());
        assertTrue(reader.read(blank(1, 1, Color.BLACK)).isEmpty());
        assertTrue(reader.read(noise(64, 48)).isEmpty(), "random pixels hold no words");
    }

    @Test
    @DisplayName("names a missing model file in its error")
    void missingModel(@TempDir Path dir) throws IOException {
        Path dictionary = bundled(OcrModels.BUNDLED_DICTIONARY, dir.resolve("keys.txt"));
        Path recognition = bundled(OcrModels.BUNDLED_RECOGNITION, dir.resolve("rec.onnx"));
        Path missing = dir.resolve("no-such-det.onnx");
        var e = assertThrows(OcrModelException.class, () -> TextReader.open(missing, recognition, dictionary));
        assertTrue(e.getMessage().contains(missing.toString()), e::getMessage);
        assertTrue(e.getMessage().contains("no such file"), e::getMessage);
    }

    @Test
    @DisplayName("names a corrupt model file in its error")
    void corruptModel(@TempDir Path dir) throws IOException {
        Path dictionary = bundled(OcrModels.BUNDLED_DICTIONARY, dir.resolve("keys.txt"));
        Path detection = bundled(OcrModels.BUNDLED_DETECTION, dir.resolve("det.onnx"));
        Path corrupt = dir.resolve("rec.onnx");
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        Files.write(corrupt, garbage);
        var e = assertThrows(OcrModelException.class, () -> TextReader.open(detection, corrupt, dictionary));
        assertTrue(e.getMessage().contains(corrupt.toString()), e::getMessage);
        assertTrue(e.getMessage().contains("recognition"), e::getMessage);
    }

    @Test
    @DisplayName("names a dictionary that does not fit the recognition model")
    void wrongDictionary(@TempDir Path dir) throws IOException {
        Path detection = bundled(OcrModels.BUNDLED_DETECTION, dir.resolve("det.onnx"));
        Path recognition = bundled(OcrModels.BUNDLED_RECOGNITION, dir.resolve("rec.onnx"));
        Path dictionary = Files.writeString(dir.resolve("abc.txt"), "a\nb\nc\n");
        var e = assertThrows(OcrModelException.class, () -> TextReader.open(detection, recognition, dictionary));
        assertTrue(e.getMessage().contains(dictionary.toString()), e::getMessage);
        assertTrue(e.getMessage().contains("6625"), e::getMessage);
    }

    @Test
    @DisplayName("reads the same frame twice to the same lines")
    void sameFrameSameLines() {
        var screen = SwingScreens.labelsAndButtons(400, 120, new Font(Font.SERIF, Font.PLAIN, 16), true, 7);
        reader.forget();
        List<TextLine> first = reader.read(screen.image());
        assertFalse(first.isEmpty());
        assertEquals(first, reader.read(screen.image()));
    }

    private static Path bundled(String resource, Path target) throws IOException {
        try (InputStream in = OcrModels.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static BufferedImage blank(int w, int h, Color colour) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private static BufferedImage noise(int w, int h) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var random = new Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void draw(BufferedImage image, String text, int x, int baseline, int size) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        g.drawString(text, x, baseline);
        g.dispose();
    }

    private static boolean inside(Rect inner, Rect outer) {
        return inner.x() >= outer.x()
                && inner.y() >= outer.y()
                && inner.x() + inner.width() <= outer.x() + outer.width()
                && inner.y() + inner.height() <= outer.y() + outer.height();
    }
}
