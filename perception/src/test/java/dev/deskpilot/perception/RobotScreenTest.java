package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JPanel;
import javax.swing.JWindow;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RobotScreen")
class RobotScreenTest {
    static final Color MAGENTA = new Color(230, 20, 200);

    @Test
    @DisplayName("captures the whole screen at the display's size")
    void size() {
        PrivateDisplay.display();
        var screen = RobotScreen.open();
        assertEquals(PrivateDisplay.SIZE, screen.size());
        assertEquals(PrivateDisplay.SIZE, screen.capture().size());
    }

    @Test
    @DisplayName("captures what a window paints, where it paints it")
    void capturesWindow() throws Exception {
        PrivateDisplay.display();
        var window = new AtomicReference<JWindow>();
        SwingUtilities.invokeAndWait(() -> {
            var w = new JWindow();
            var panel = new JPanel();
            panel.setBackground(MAGENTA);
            w.setContentPane(panel);
            w.setBounds(300, 200, 160, 90);
            w.setVisible(true);
            window.set(w);
        });
        try {
            var screen = RobotScreen.open();
            Eventually.await(
                    "the window to appear in a capture",
                    () -> rgb(screen.capture().image(), 380, 245).equals(MAGENTA));
            BufferedImage image = screen.capture().image();
            for (int[] inside : new int[][] {{300, 200}, {459, 200}, {300, 289}, {459, 289}, {380, 245}}) {
                assertEquals(MAGENTA, rgb(image, inside[0], inside[1]), "inside at " + inside[0] + "," + inside[1]);
            }
            for (int[] outside : new int[][] {{299, 245}, {460, 245}, {380, 199}, {380, 290}}) {
                assertNotEquals(
                        MAGENTA, rgb(image, outside[0], outside[1]), "outside at " + outside[0] + "," + outside[1]);
            }
        } finally {
            SwingUtilities.invokeAndWait(() -> window.get().dispose());
        }
    }

    private static Color rgb(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }
}
