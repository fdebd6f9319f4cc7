package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Size;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Displays")
class DisplaysTest {
    @Test
    @DisplayName("connects AWT to the private Xvfb, whose screen size AWT then reports")
    void connectsAwt() throws Exception {
        String display = PrivateDisplay.display();
        assertEquals(Optional.of(display), Displays.current());
        assertEquals(Optional.of(display), NativeEnvironment.get("DISPLAY"));
        assertFalse(GraphicsEnvironment.isHeadless());
        var screen = Toolkit.getDefaultToolkit().getScreenSize();
        assertEquals(PrivateDisplay.SIZE, new Size(screen.width, screen.height));
        assertTrue(Displays.privateServer().orElseThrow().isRunning());
    }

    @Test
    @DisplayName("shares one private Xvfb among all callers in the JVM")
    void sharesOneServer() throws Exception {
        String first = PrivateDisplay.display();
        assertEquals(first, Displays.ensurePrivateXvfb(new Size(640, 480)));
    }

    @Test
    @DisplayName("accepts connecting again to the same display")
    void reconnectSame() {
        String display = PrivateDisplay.display();
        assertDoesNotThrow(() -> Displays.connect(display));
    }

    @Test
    @DisplayName("refuses to move a connected JVM to another display, naming both")
    void refusesOtherDisplay() {
        String display = PrivateDisplay.display();
        var e = assertThrows(IllegalStateException.class, () -> Displays.connect(":12345"));
        assertTrue(e.getMessage().contains(display) && e.getMessage().contains(":12345"), e::getMessage);
    }

    @Test
    @DisplayName("rejects names that are not X display names")
    void rejectsBadNames() {
        assertThrows(IllegalArgumentException.class, () -> Displays.connect("93"));
        assertThrows(IllegalArgumentException.class, () -> Displays.connect(":x"));
    }
}
