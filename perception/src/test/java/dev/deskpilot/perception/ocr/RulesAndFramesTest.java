package dev.deskpilot.perception.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lines drawn under or around text, as browsers draw links and text fields: the words inside
 * read as themselves, split where they are split.
 */
@DisplayName("Reading underlined and framed text")
class RulesAndFramesTest {
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
    @DisplayName("an underlined link reads as its words, without the underline")
    void underline() {
        var image = canvas();
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(new Color(0, 0, 238));
        g.drawString("Status: Ready", 30, 40);
        int width = g.getFontMetrics().stringWidth("Status: Ready");
        g.fillRect(30, 42, width, 1);
        g.dispose();
        assertEquals(List.of("Status:", "Ready"), words(image));
    }

    @Test
    @DisplayName("a text field's value reads as its words, without the field's frame")
    void frame() {
        var image = canvas();
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(new Color(118, 118, 118));
        g.drawRect(30, 24, 110, 20);
        g.setColor(Color.BLACK);
        g.drawString("Remember me", 33, 39);
        g.dispose();
        assertEquals(List.of("Remember", "me"), words(image));
    }

    private static BufferedImage canvas() {
        var image = new BufferedImage(240, 70, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    private static List<String> words(BufferedImage image) {
        reader.forget();
        return reader.read(image).stream()
                .map(TextLine::words)
                .flatMap(List::stream)
                .map(Word::text)
                .toList();
    }
}
