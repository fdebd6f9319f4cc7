package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;
import java.io.IOException;

/** The one private Xvfb that all desktop tests of this JVM share. */
final class PrivateDisplay {
    static final Size SIZE = new Size(1024, 768);

    private PrivateDisplay() {}

    /** The display name, starting Xvfb and connecting AWT on first use. */
    static String display() {
        try {
            return Displays.ensurePrivateXvfb(SIZE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the tests' Xvfb: " + e.getMessage(), e);
        }
    }
}
