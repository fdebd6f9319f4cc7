package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OCR stream")
class OcrStreamTest {
    static final ModelConfig MINI = ModelConfig.bundled("miniature");
    static final Tokenizer TOKENS = ByteTokenizer.of(MINI);
    static final String SENTENCE = "This folder holds the reports of every run this week";

    /** A 1280x800 Swing screen: more patches than the miniature takes, so the image is scaled down. */
    static Screen screen;

    static TextReader reader;

    record Screen(BufferedImage image, List<Rect> parts) {}

    @BeforeAll
    static void open() throws Exception {
        reader = TextReader.open();
        screen = render();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    @DisplayName("the OCR section of a real screen decodes to its words in reading order")
    void decodesToTheWordsOnScreen() {
        List<OcrWord> words = OcrStream.DEFAULT.read(frame(screen.image()), reader, TOKENS);
        String section = ocrSection(prompt(screen.image(), words));
        assertEquals(
                "<|ocr_start|>Open recent files Cancel " + SENTENCE + " Username: Sign in Apply<|ocr_end|>", section);
    }

    @Test
    @DisplayName("each word carries the position cell under its box centre in the scaled-down image")
    void positionCells() {
        List<OcrWord> words = OcrStream.DEFAULT.read(frame(screen.image()), reader, TOKENS);
        PromptBuilder.Input input = prompt(screen.image(), words);
        ImageProcessor.Processed processed = ImageProcessor.process(screen.image(), MINI.vision());
        assertTrue(processed.scale() < 0.95, "the screenshot should be scaled down, scale " + processed.scale());

        int at = indexOf(input.ids(), TOKENS.special("<|ocr_start|>")) + 1;
        for (OcrWord word : words) {
            // Boxes stay in screenshot pixels: each lies on the Swing component that drew it.
            Point centre = word.box().center();
            assertTrue(
                    screen.parts().stream().anyMatch(part -> part.contains(centre)),
                    word + " is not on any label or button of the screen");
            int expected = cellUnder(centre(word.box()), processed);
            int[] tokens = TOKENS.encode(word.text());
            for (int i = 0; i < tokens.length; i++) {
                assertEquals(tokens[i], input.ids()[at + i], "token of " + word.text());
                assertEquals(expected, input.ocrCells()[at + i], "position cell of " + word.text());
            }
            at += tokens.length + 1; // the word, then a space or <|ocr_end|>
        }
        assertEquals(TOKENS.special("<|ocr_end|>"), input.ids()[at - 1]);
    }

    @Test
    @DisplayName("under a tight token budget keeps the short lines (controls) and drops the running text")
    void capKeepsShortLines() {
        List<TextLine> lines = reader.read(frame(screen.image()));
        List<OcrWord> shortLines = lines.stream()
                .filter(line -> line.words().size() <= 3)
                .flatMap(line -> line.words().stream())
                .map(w -> new OcrWord(w.text(), w.box()))
                .toList();
        int budget = OcrStream.tokens(shortLines, TOKENS);
        List<OcrWord> all = OcrStream.DEFAULT.words(lines, TOKENS);
        assertTrue(OcrStream.tokens(all, TOKENS) > budget, "the budget should force a choice");

        OcrStream capped = OcrStream.DEFAULT.withMaxTokens(budget);
        List<OcrWord> kept = capped.words(lines, TOKENS);
        assertEquals(shortLines, kept);
        String section = ocrSection(prompt(screen.image(), kept));
        assertEquals("<|ocr_start|>Open recent files Cancel Username: Sign in Apply<|ocr_end|>", section);
        assertTrue(TOKENS.encode(section.replace("<|ocr_start|>", "").replace("<|ocr_end|>", "")).length + 2 <= budget);
    }

    @Test
    @DisplayName("an empty screen gives no OCR section")
    void emptyScreen() {
        var blank = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(new Color(238, 238, 238));
        g.fillRect(0, 0, 1280, 800);
        g.dispose();
        List<OcrWord> words = OcrStream.DEFAULT.read(frame(blank), reader, TOKENS);
        assertTrue(words.isEmpty(), words::toString);
        assertEquals(0, OcrStream.tokens(words, TOKENS));
        int[] ids = prompt(blank, words).ids();
        assertEquals(-1, indexOf(ids, TOKENS.special("<|ocr_start|>")));
        assertTrue(Arrays.stream(prompt(blank, words).ocrCells()).allMatch(cell -> cell == -1));
    }

    @Test
    @DisplayName("leaves out words read with less than the minimum confidence, and lines left with none")
    void dropsUnsureWords() {
        var lines = List.of(
                line(new Word("Save", new Rect(10, 10, 30, 12), 0.97), new Word("a5", new Rect(44, 10, 12, 12), 0.79)),
                line(new Word("~~", new Rect(10, 40, 12, 12), 0.30)),
                line(new Word("Quit", new Rect(10, 70, 30, 12), OcrStream.DEFAULT.minConfidence())));
        assertEquals(
                List.of("Save", "Quit"),
                OcrStream.DEFAULT.words(lines, TOKENS).stream()
                        .map(OcrWord::text)
                        .toList());
    }

    @Test
    @DisplayName("skips a line that does not fit the budget but keeps later ones that do, in reading order")
    void skipsWhatDoesNotFit() {
        var lines = List.of(
                line(new Word("Preferences", new Rect(10, 10, 80, 12), 0.9)),
                line(new Word("OK", new Rect(10, 40, 20, 12), 0.9)),
                line(new Word("No", new Rect(40, 40, 20, 12), 0.9)));
        // Markers 2 + "OK" 2 + space 1 + "No" 2 = 7; "Preferences" (11) cannot join.
        List<OcrWord> kept = new OcrStream(8, 0.5).words(lines, TOKENS);
        assertEquals(List.of("OK", "No"), kept.stream().map(OcrWord::text).toList());
        assertEquals(7, OcrStream.tokens(kept, TOKENS));
        // All three take 2 + 11 + 1 + 2 + 1 + 2 = 19 tokens.
        assertEquals(3, new OcrStream(19, 0.5).words(lines, TOKENS).size());
        // One short: equally long lines are taken in reading order, so "No" is the one left out.
        assertEquals(
                List.of("Preferences", "OK"),
                new OcrStream(18, 0.5)
                        .words(lines, TOKENS).stream().map(OcrWord::text).toList());
    }

    @Test
    @DisplayName("refuses a budget too small for the markers and a confidence outside 0..1")
    void validates() {
        var e = assertThrows(IllegalArgumentException.class, () -> new OcrStream(2, 0.5));
        assertTrue(e.getMessage().contains("maxTokens"), e::getMessage);
        e = assertThrows(IllegalArgumentException.class, () -> new OcrStream(100, 1.5));
        assertTrue(e.getMessage().contains("minConfidence"), e::getMessage);
        assertFalse(OcrStream.DEFAULT.maxTokens() < 3);
    }

    /** The init_pos_emb cell (row-major) whose patch holds {@code centre} once scaled. */
    private static int cellUnder(double[] centre, ImageProcessor.Processed processed) {
        VisionConfig v = MINI.vision();
        ImagePatches p = processed.patches();
        int patchCol = (int) (centre[0] * processed.scale() / v.patchSize());
        int patchRow = (int) (centre[1] * processed.scale() / v.patchSize());
        // The learned grid is resampled to the patch grid: patch r of h sits at grid row (r + 0.5) * Gh / h.
        int gridRow = (int) ((patchRow + 0.5) * v.initPosEmbHeight() / p.gridHeight());
        int gridCol = (int) ((patchCol + 0.5) * v.initPosEmbWidth() / p.gridWidth());
        return gridRow * v.initPosEmbWidth() + gridCol;
    }

    private static double[] centre(Rect box) {
        return new double[] {box.x() + box.width() / 2.0, box.y() + box.height() / 2.0};
    }

    private static PromptBuilder.Input prompt(BufferedImage image, List<OcrWord> words) {
        return new PromptBuilder(MINI, TOKENS)
                .user()
                .text("Click Apply. ")
                .image(ImageProcessor.process(image, MINI.vision()), words)
                .end()
                .generationPrompt()
                .build();
    }

    /** The decoded tokens from {@code <|ocr_start|>} to {@code <|ocr_end|>}, both included. */
    private static String ocrSection(PromptBuilder.Input input) {
        int start = indexOf(input.ids(), TOKENS.special("<|ocr_start|>"));
        int end = indexOf(input.ids(), TOKENS.special("<|ocr_end|>"));
        assertTrue(start >= 0 && end > start, "no OCR section in " + TOKENS.decode(input.ids()));
        return TOKENS.decode(Arrays.copyOfRange(input.ids(), start, end + 1));
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private static TextLine line(Word... words) {
        var text = String.join(" ", Arrays.stream(words).map(Word::text).toList());
        Rect first = words[0].box();
        Rect last = words[words.length - 1].box();
        return new TextLine(
                text,
                new Rect(first.x(), first.y(), last.x() + last.width() - first.x(), first.height()),
                0.9,
                List.of(words));
    }

    private static Frame frame(BufferedImage image) {
        return new Frame(image, Instant.now());
    }

    /**
     * Labels and buttons at fixed places, painted by Swing without a display: one row at the top,
     * a sentence in the middle, a form row, and a button in the bottom-right corner, where a box
     * in the wrong coordinate space would land far from its patch.
     */
    private static Screen render() throws InterruptedException, InvocationTargetException {
        AtomicReference<Screen> result = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            var panel = new JPanel(null);
            panel.setSize(1280, 800);
            Font font = new Font(Font.DIALOG, Font.PLAIN, 16);
            List<JComponent> parts = new ArrayList<>();
            parts.add(place(new JLabel("Open recent files"), font, 60, 30));
            parts.add(place(new JButton("Cancel"), font, 1000, 30));
            parts.add(place(new JLabel(SENTENCE), font, 300, 260));
            parts.add(place(new JLabel("Username:"), font, 200, 480));
            parts.add(place(new JButton("Sign in"), font, 620, 480));
            parts.add(place(new JButton("Apply"), font, 1140, 740));
            parts.forEach(panel::add);
            panel.addNotify();
            panel.validate();
            var image = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                panel.paint(g);
            } finally {
                g.dispose();
            }
            result.set(new Screen(
                    image,
                    parts.stream()
                            .map(p -> new Rect(p.getX(), p.getY(), p.getWidth(), p.getHeight()))
                            .toList()));
        });
        return result.get();
    }

    private static JComponent place(JComponent part, Font font, int x, int y) {
        part.setFont(font);
        part.putClientProperty(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        var size = part.getPreferredSize();
        part.setBounds(x, y, size.width, size.height);
        return part;
    }
}
