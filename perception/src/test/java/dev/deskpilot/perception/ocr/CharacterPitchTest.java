package dev.deskpilot.perception.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Telling monospaced lines apart")
class CharacterPitchTest {
    @Test
    @DisplayName("finds the advance width of text in a monospaced font")
    void monospaced() {
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, 20);
        String text = "invoice_2024.pdf";
        OptionalDouble pitch = CharacterPitch.of(columnInk(text, font), text.length(), text.length());
        assertTrue(pitch.isPresent(), "no pitch found for " + font);
        double advance = advance(font);
        assertEquals(advance, pitch.getAsDouble(), advance * 0.08, "pitch of " + font);
    }

    @Test
    @DisplayName("finds none in text in a proportional font")
    void proportional() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
        String text = "Find and replace";
        assertTrue(CharacterPitch.of(columnInk(text, font), text.length() - 2, text.length())
                .isEmpty());
    }

    @Test
    @DisplayName("says nothing about a line with too few gaps to show a grid")
    void tooShort() {
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, 20);
        assertTrue(CharacterPitch.of(columnInk("OK", font), 2, 2).isEmpty());
    }

    /** Ink pixels per column of {@code text} drawn black on white, antialiased. */
    private static int[] columnInk(String text, Font font) {
        var image = new BufferedImage(font.getSize() * text.length(), font.getSize() * 2, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 4, font.getSize() * 3 / 2);
        g.dispose();
        Pixels pixels = Pixels.of(image);
        return InkProfile.of(pixels, pixels.bounds()).columnInk();
    }

    private static double advance(Font font) {
        var g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font).charWidth('m');
        } finally {
            g.dispose();
        }
    }
}
