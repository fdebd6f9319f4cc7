package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.perception.ocr.OcrModels;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot ocr")
class OcrCommandTest {
    @TempDir
    static Path dir;

    static Path screenshot;
    static Path blank;

    @BeforeAll
    static void images() throws IOException {
        BufferedImage image = fill(480, 160, Color.WHITE);
        draw(image, "Open recent files", 20, 50);
        draw(image, "Cancel", 320, 120);
        screenshot = dir.resolve("screen.png");
        ImageIO.write(image, "png", screenshot.toFile());
        blank = dir.resolve("blank.png");
        ImageIO.write(fill(320, 200, new Color(40, 80, 120)), "png", blank.toFile());
    }

    @Test
    @DisplayName("prints each text line in reading order: box x,y,w,h, confidence and text, tab-separated")
    void printsLines() {
        CliRun run = CliRun.of("ocr", screenshot.toString());
        assertEquals(0, run.code(), run.err());
        List<String[]> rows = run.out().lines().map(line -> line.split("\t")).toList();
        assertEquals(
                List.of("Open recent files", "Cancel"),
                rows.stream().map(r -> r[2]).toList(),
                run.out());
        for (String[] row : rows) {
            int[] box =
                    Arrays.stream(row[0].split(",")).mapToInt(Integer::parseInt).toArray();
            assertEquals(4, box.length, row[0]);
            assertTrue(Double.parseDouble(row[1]) > 0.5 && Double.parseDouble(row[1]) <= 1, row[1]);
        }
        int[] cancel = Arrays.stream(rows.get(1)[0].split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        assertTrue(cancel[0] >= 315 && cancel[0] <= 325 && cancel[1] >= 95 && cancel[1] <= 120, rows.get(1)[0]);
    }

    @Test
    @DisplayName("--words prints one row per word")
    void printsWords() {
        CliRun run = CliRun.of("ocr", "--words", screenshot.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(
                List.of("Open", "recent", "files", "Cancel"),
                run.out().lines().map(line -> line.split("\t")[2]).toList());
    }

    @Test
    @DisplayName("--json prints the image size and every line with its box, confidence and words")
    void printsJson() throws IOException {
        CliRun run = CliRun.of("ocr", "--json", screenshot.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(480, doc.get("width").asInt());
        assertEquals(160, doc.get("height").asInt());
        JsonNode lines = doc.get("lines");
        assertEquals(2, lines.size(), run.out());
        JsonNode first = lines.get(0);
        assertEquals("Open recent files", first.get("text").asText());
        for (String field : new String[] {"x", "y", "width", "height"}) {
            assertTrue(first.get("box").get(field).isInt(), field);
        }
        assertTrue(first.get("confidence").asDouble() > 0.5);
        List<String> words = new ArrayList<>();
        first.get("words").forEach(word -> {
            words.add(word.get("text").asText());
            assertTrue(word.get("box").get("width").asInt() > 0);
            assertTrue(word.get("confidence").isNumber());
        });
        assertEquals(List.of("Open", "recent", "files"), words);
    }

    @Test
    @DisplayName("an image without text prints nothing (or no lines with --json) and exits 0")
    void emptyImage() throws IOException {
        CliRun run = CliRun.of("ocr", blank.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.out());
        CliRun json = CliRun.of("ocr", "--json", blank.toString());
        assertEquals(0, json.code(), json.err());
        assertEquals(0, new ObjectMapper().readTree(json.out()).get("lines").size(), json.out());
    }

    @Test
    @DisplayName("--display reads what the X display shows")
    void readsDisplay() throws Exception {
        String display = Displays.current().orElseThrow();
        var window = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            window[0] = new JFrame("ocr");
            window[0].setUndecorated(true);
            var label = new JLabel("Quarterly report ready");
            label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
            label.setOpaque(true);
            label.setBackground(Color.WHITE);
            window[0].add(label);
            window[0].setBounds(120, 500, 520, 80);
            window[0].setVisible(true);
        });
        try {
            // The X server shows the window a moment after setVisible; a bounded wait, not a timing check.
            CliRun run = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                run = CliRun.of("ocr", "--display", display);
                assertEquals(0, run.code(), run.err());
                if (run.out().contains("Quarterly report ready")) {
                    return;
                }
                Thread.sleep(250);
            }
            fail("the window's text was not read from " + display + ":\n" + run.out());
        } finally {
            SwingUtilities.invokeAndWait(() -> window[0].dispose());
        }
    }

    @Test
    @DisplayName("a missing image file is one line naming it, exit 2")
    void missingImage() {
        Path missing = dir.resolve("nope.png");
        CliRun.assertOneLineNaming(CliRun.of("ocr", missing.toString()), missing.toString(), "no such");
    }

    @Test
    @DisplayName("a file that is not an image is one line naming it, exit 2")
    void notAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture\n");
        CliRun.assertOneLineNaming(CliRun.of("ocr", text.toString()), text.toString(), "not an image");
    }

    @Test
    @DisplayName("IMAGE and --display together, or neither, is bad input")
    void imageOrDisplay() {
        CliRun.assertOneLineNaming(
                CliRun.of("ocr", screenshot.toString(), "--display", ":0"), "IMAGE", "--display", "not both");
        CliRun.assertOneLineNaming(CliRun.of("ocr"), "IMAGE", "--display");
    }

    @Test
    @DisplayName("a display that is not running is one line naming it, exit 2")
    void noSuchDisplay() {
        CliRun.assertOneLineNaming(CliRun.of("ocr", "--display", ":9999"), ":9999");
    }

    @Test
    @DisplayName("model files must come as a set of three")
    void partialModels() throws IOException {
        Path det = bundled(OcrModels.BUNDLED_DETECTION, "det.onnx");
        CliRun.assertOneLineNaming(
                CliRun.of("ocr", "--det-model", det.toString(), screenshot.toString()), "--rec-model", "--dictionary");
    }

    @Test
    @DisplayName("reads with model files given on the command line")
    void modelFiles() throws IOException {
        CliRun run = CliRun.of(
                "ocr",
                "--det-model",
                bundled(OcrModels.BUNDLED_DETECTION, "det.onnx").toString(),
                "--rec-model",
                bundled(OcrModels.BUNDLED_RECOGNITION, "rec.onnx").toString(),
                "--dictionary",
                bundled(OcrModels.BUNDLED_DICTIONARY, "keys.txt").toString(),
                screenshot.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Open recent files"), run.out());
    }

    @Test
    @DisplayName("a missing, truncated or mismatched model file is one line naming the file, exit 2")
    void brokenModels() throws IOException {
        Path det = bundled(OcrModels.BUNDLED_DETECTION, "det.onnx");
        Path rec = bundled(OcrModels.BUNDLED_RECOGNITION, "rec.onnx");
        Path keys = bundled(OcrModels.BUNDLED_DICTIONARY, "keys.txt");
        Path missing = dir.resolve("missing-rec.onnx");
        CliRun.assertOneLineNaming(models(det, missing, keys), missing.toString(), "no such file");

        Path truncated = dir.resolve("truncated-det.onnx");
        byte[] bytes = Files.readAllBytes(det);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        CliRun.assertOneLineNaming(models(truncated, rec, keys), truncated.toString(), "detection");

        Path letters = Files.writeString(dir.resolve("letters.txt"), "a\nb\nc\n");
        CliRun.assertOneLineNaming(models(det, rec, letters), letters.toString(), "6625");
    }

    private static CliRun models(Path det, Path rec, Path dictionary) {
        return CliRun.of(
                "ocr",
                "--det-model",
                det.toString(),
                "--rec-model",
                rec.toString(),
                "--dictionary",
                dictionary.toString(),
                screenshot.toString());
    }

    private static Path bundled(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        if (!Files.exists(target)) {
            try (InputStream in = OcrModels.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, target);
            }
        }
        return target;
    }

    private static BufferedImage fill(int w, int h, Color colour) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private static void draw(BufferedImage image, String text, int x, int baseline) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        g.drawString(text, x, baseline);
        g.dispose();
    }
}
