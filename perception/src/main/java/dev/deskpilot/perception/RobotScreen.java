package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;
import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.time.Instant;

/**
 * The real screen this JVM's AWT is connected to (see {@link Displays}), captured whole with {@link
 * Robot}: ~2–3 ms for 1280×800 under Xvfb. Frames are {@code TYPE_INT_RGB} images.
 */
public final class RobotScreen implements Screen {
    private final Robot robot;
    private final Rectangle bounds;

    private RobotScreen(Robot robot, Rectangle bounds) {
        this.robot = robot;
        this.bounds = bounds;
    }

    /**
     * Opens the default screen of the connected display.
     *
     * @throws IllegalStateException if this JVM has no usable X display (headless, or the X server
     *     lacks the XTEST extension Robot needs)
     */
    public static RobotScreen open() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("this JVM is headless: connect it to an X display first"
                    + " (Displays.connect or Displays.ensurePrivateXvfb), before any other AWT use");
        }
        try {
            GraphicsDevice device =
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
            return new RobotScreen(
                    new Robot(device), device.getDefaultConfiguration().getBounds());
        } catch (AWTException | HeadlessException e) {
            throw new IllegalStateException(
                    "cannot capture X display " + Displays.current().orElse("(none)") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Frame capture() {
        return new Frame(robot.createScreenCapture(bounds), Instant.now());
    }

    @Override
    public Size size() {
        return new Size(bounds.width, bounds.height);
    }
}
