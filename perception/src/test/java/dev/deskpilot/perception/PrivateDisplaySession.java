package dev.deskpilot.perception;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Connects the test JVM to its private Xvfb before any test runs. AWT settles on a display (or on
 * none) the first time anything touches it — drawing into a BufferedImage is enough — so a test that
 * only draws must not decide, by running first, that the desktop tests after it get no screen.
 * Registered through META-INF/services, and shared with other modules through this test jar.
 */
public final class PrivateDisplaySession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        PrivateDisplay.display();
    }
}
