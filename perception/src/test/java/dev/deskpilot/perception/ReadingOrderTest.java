package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deskpilot.actions.Rect;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading order")
class ReadingOrderTest {
    @Test
    @DisplayName("reads a row of buttons left to right although their captions' tops differ by a pixel")
    void buttonRow() throws Exception {
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> image.set(dialog()));
        try (TextReader reader = TextReader.open()) {
            assertEquals(
                    List.of("Save changes to report.txt?", "Save", "Don't save", "Cancel"),
                    reader.read(image.get()).stream().map(TextLine::text).toList());
        }
    }

    @Test
    @DisplayName("orders rows from the top and each row from the left")
    void rows() {
        var lines = List.of(
                line("Cancel", 300, 97, 11),
                line("Title", 20, 20, 14),
                line("Save", 100, 98, 10),
                line("Footer", 10, 140, 10),
                line("Help", 400, 22, 10));
        assertEquals(
                List.of("Title", "Help", "Save", "Cancel", "Footer"),
                ReadingOrder.of(lines).stream().map(TextLine::text).toList());
    }

    @Test
    @DisplayName("keeps lines that barely touch vertically in separate rows")
    void separateRows() {
        var lines = List.of(line("Second", 10, 28, 14), line("First", 200, 20, 10));
        assertEquals(
                List.of("First", "Second"),
                ReadingOrder.of(lines).stream().map(TextLine::text).toList());
    }

    private static TextLine line(String text, int x, int y, int height) {
        Rect box = new Rect(x, y, 8 * text.length(), height);
        return new TextLine(text, box, 0.9, List.of(new Word(text, box, 0.9)));
    }

    /** A save dialog's message and its three buttons, Dialog 14 px, painted without showing it. */
    private static BufferedImage dialog() {
        var panel = new JPanel(null);
        panel.setSize(420, 140);
        JComponent[] parts = {
            new JLabel("Save changes to report.txt?"),
            new JButton("Save"),
            new JButton("Don't save"),
            new JButton("Cancel")
        };
        int[][] at = {{20, 20}, {120, 90}, {200, 90}, {310, 90}};
        for (int i = 0; i < parts.length; i++) {
            parts[i].setFont(new Font(Font.DIALOG, Font.PLAIN, 14));
            parts[i].putClientProperty(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            var size = parts[i].getPreferredSize();
            parts[i].setBounds(at[i][0], at[i][1], size.width, size.height);
            panel.add(parts[i]);
        }
        panel.addNotify();
        panel.validate();
        var image = new BufferedImage(420, 140, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            panel.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }
}
