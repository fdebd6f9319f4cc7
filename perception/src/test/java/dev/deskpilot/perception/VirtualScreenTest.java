package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deskpilot.actions.Size;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.image.BufferedImage;
import javax.swing.JPanel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The virtual screen paints a component tree without a window. This JVM also runs the real-display
 * tests, so it connects to their Xvfb first (AWT is not headless here); the virtual screen never
 * draws on it.
 */
@DisplayName("Virtual screen")
class VirtualScreenTest {
    @BeforeAll
    static void connect() {
        PrivateDisplay.display();
    }

    @Test
    @DisplayName("shows the component's children at their places, and changes after they change")
    void paintsTree() throws Exception {
        JPanel root = new JPanel(null);
        JPanel box = new JPanel();
        EventQueue.invokeAndWait(() -> {
            root.setBackground(Color.WHITE);
            box.setBackground(Color.RED);
            box.setBounds(100, 50, 40, 30);
            root.add(box);
        });
        VirtualScreen screen = VirtualScreen.of(root, new Size(320, 200));
        Frame first = screen.capture();
        assertEquals(new Size(320, 200), first.size());
        assertEquals(Color.RED.getRGB(), first.image().getRGB(120, 65));
        assertEquals(Color.WHITE.getRGB(), first.image().getRGB(90, 65));

        EventQueue.invokeAndWait(() -> box.setLocation(10, 10));
        Frame second = screen.capture();
        assertEquals(Color.RED.getRGB(), second.image().getRGB(20, 20));
        assertEquals(Color.WHITE.getRGB(), second.image().getRGB(120, 65));
        assertEquals(Color.RED.getRGB(), first.image().getRGB(120, 65), "an earlier frame must not change");
        assertNotSame(first.image(), second.image());
        assertEquals(BufferedImage.TYPE_INT_RGB, second.image().getType());
    }

    @Test
    @DisplayName("refuses a component that already sits in a container")
    void refusesChild() {
        JPanel parent = new JPanel();
        JPanel child = new JPanel();
        parent.add(child);
        var e = assertThrows(IllegalArgumentException.class, () -> VirtualScreen.of(child, new Size(10, 10)));
        assertEquals(true, e.getMessage().contains("no parent"), e.getMessage());
    }
}
