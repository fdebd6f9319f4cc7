package dev.deskpilot.perception.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.perception.TextLine;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Incremental reading")
class IncrementalReaderTest {
    static OcrEngine engine;
    static SwingScreens.Screen screen;

    @BeforeAll
    static void load() {
        engine = new OcrEngine(OcrModels.bundled(2));
        screen = SwingScreens.labelsAndButtons(640, 360, new Font(Font.DIALOG, Font.PLAIN, 13), false, 11);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    @DisplayName("re-reads only the changed part of a frame, and reads it as a full read does")
    void smallChange() {
        BufferedImage before = screen.image();
        BufferedImage after = copy(before);
        // Replace one word the way an app would: clear its box, draw new text there.
        var target = screen.truth().get(screen.truth().size() / 2);
        Graphics2D g = after.createGraphics();
        g.setColor(new Color(after.getRGB(target.box().x() - 2, target.box().y())));
        g.fillRect(
                target.box().x(),
                target.box().y(),
                target.box().width(),
                target.box().height());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.DIALOG, Font.PLAIN, 13));
        g.drawString("Saved", target.box().x(), target.box().y() + 12);
        g.dispose();

        var incremental = new IncrementalReader(engine);
        incremental.read(Pixels.of(before));
        List<TextLine> reread = incremental.read(Pixels.of(after));
        var stats = incremental.lastStats();

        var fresh = new IncrementalReader(engine);
        List<TextLine> full = fresh.read(Pixels.of(after));

        assertFalse(stats.fullRead());
        assertTrue(
                stats.detectedPixels() < 0.1 * after.getWidth() * after.getHeight(),
                "detected again: " + stats.detectedPixels() + " px");
        assertTrue(stats.recognisedLines() <= 3, "recognised again: " + stats.recognisedLines() + " lines");
        assertTrue(stats.keptLines() > 20, "kept: " + stats.keptLines());
        assertTrue(reread.stream().anyMatch(l -> l.text().contains("Saved")), reread::toString);
        assertSameReading(full, reread);
    }

    /** Same texts and boxes; confidences differ by a few hundredths with the size of the batch a line ran in. */
    private static void assertSameReading(List<TextLine> expected, List<TextLine> actual) {
        assertEquals(expected.size(), actual.size(), () -> "lines: expected " + expected + ", was " + actual);
        for (int i = 0; i < expected.size(); i++) {
            TextLine e = expected.get(i);
            TextLine a = actual.get(i);
            assertEquals(e.text(), a.text());
            assertEquals(e.box(), a.box(), e.text());
            assertEquals(
                    e.words().stream().map(w -> w.box()).toList(),
                    a.words().stream().map(w -> w.box()).toList(),
                    e.text());
            assertEquals(e.confidence(), a.confidence(), 0.05, e.text());
        }
    }

    @Test
    @DisplayName("reads an unchanged frame without running the models")
    void unchangedFrame() {
        var incremental = new IncrementalReader(engine);
        List<TextLine> first = incremental.read(Pixels.of(screen.image()));
        assertTrue(incremental.lastStats().fullRead());
        List<TextLine> second = incremental.read(Pixels.of(copy(screen.image())));
        assertEquals(first, second);
        assertEquals(0, incremental.lastStats().detectedPixels());
        assertEquals(0, incremental.lastStats().recognisedLines());
    }

    @Test
    @DisplayName("reads everything again when the frame size changes")
    void newSize() {
        var incremental = new IncrementalReader(engine);
        incremental.read(Pixels.of(screen.image()));
        incremental.read(Pixels.of(screen.image().getSubimage(0, 0, 400, 300)));
        assertTrue(incremental.lastStats().fullRead());
    }

    @Test
    @DisplayName("finds the regions that changed between two frames, with a margin")
    void changedRegions() {
        var a = new Pixels(100, 80, new int[100 * 80]);
        int[] changed = new int[100 * 80];
        changed[40 * 100 + 50] = 0xFFFFFF;
        var b = new Pixels(100, 80, changed);
        List<dev.deskpilot.actions.Rect> regions = IncrementalReader.changedRegions(a, b);
        assertEquals(1, regions.size());
        var r = regions.get(0);
        assertTrue(Boxes.contains(r, new dev.deskpilot.actions.Rect(50, 40, 1, 1)), r::toString);
        assertTrue(r.width() <= IncrementalReader.TILE + 2 * IncrementalReader.MARGIN, r::toString);
        assertTrue(IncrementalReader.changedRegions(a, a).isEmpty());
    }

    private static BufferedImage copy(BufferedImage image) {
        var copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
