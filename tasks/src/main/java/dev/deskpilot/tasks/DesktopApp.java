package dev.deskpilot.tasks;

import java.util.Map;

/**
 * An app that runs inside the agent's own JVM as a Swing window on the current display, and that
 * reports its own state for {@link Check.AppState} checks. Built-in apps implement it; {@link Apps}
 * opens them by name.
 *
 * <p>The window sits at a fixed screen position and size, without decorations, so that scripted
 * coordinates stay valid from run to run. Methods may be called from any thread; implementations
 * do their Swing work on the event dispatch thread.
 */
public interface DesktopApp {

    /** The name tasks use for this app, e.g. {@code form}. */
    String name();

    /**
     * Shows the window and returns once it is showing and painted. Throws {@link
     * java.awt.HeadlessException} in a JVM without a display.
     */
    void open();

    /** The app's state as key-value text, read on the event dispatch thread; keys are documented per app. */
    Map<String, String> state();

    /** Closes the window; does nothing if it is not open. */
    void close();
}
