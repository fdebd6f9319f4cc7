package dev.deskpilot.agent;

import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Displays;
import java.io.IOException;

/**
 * The private Xvfb that this module's tests share: one X display per JVM, so every test class
 * that touches AWT (even to draw into an image: surefire runs with {@code java.awt.headless=false}
 * and no DISPLAY) asks for the same size, and whichever runs first starts it.
 */
public final class TestDisplay {
    /** The size every test class in this module asks for (AgentLoopTest's, too). */
    public static final Size SIZE = new Size(640, 480);

    private TestDisplay() {}

    /** Connects this JVM to the shared private Xvfb, starting it if needed; returns its name. */
    public static String ensure() throws IOException {
        return Displays.ensurePrivateXvfb(SIZE);
    }
}
