package dev.deskpilot.tasks.apps;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.swing.EventThread;
import dev.deskpilot.tasks.DesktopApp;
import java.time.Duration;
import java.util.Map;

/**
 * The built-in app {@code form}: a newsletter sign-up form with a Name field, a "Subscribe to
 * newsletter" check box and a Submit button. Pressing Submit (or Enter in the field) records what
 * was entered and shows it in a status line.
 *
 * <p>The window is 480×320 at the screen's top-left corner, without decorations; the widget bounds
 * below are in window pixels, which on a display without a window manager are also screen pixels.
 *
 * <p>State keys ({@code "true"}/{@code "false"} for flags):
 *
 * <ul>
 *   <li>{@code name}: the text in the Name field now;
 *   <li>{@code subscribed}: whether the box is ticked now;
 *   <li>{@code submitted}: whether the form was submitted at least once;
 *   <li>{@code submitted_name}, {@code submitted_subscribed}: the field and box at the last submit
 *       ({@code ""} and {@code "false"} before the first).
 * </ul>
 */
public final class FormApp implements DesktopApp {
    public static final String NAME = "form";

    /** Where the window sits on screen. */
    public static final Rect WINDOW = new Rect(0, 0, 480, 320);

    public static final Rect NAME_FIELD = new Rect(128, 72, 328, 40);
    public static final Rect SUBSCRIBE_BOX = new Rect(24, 132, 320, 40);
    public static final Rect SUBMIT_BUTTON = new Rect(24, 196, 160, 48);

    private static final Duration SHOW_TIMEOUT = Duration.ofSeconds(10);

    private final FormPanel panel = EventThread.call(FormPanel::new);
    private FixedWindow window;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void open() {
        if (window != null) {
            return;
        }
        window = FixedWindow.show("deskpilot form", panel.component(), WINDOW, SHOW_TIMEOUT);
        EventThread.run(() -> panel.nameField().requestFocusInWindow());
    }

    @Override
    public Map<String, String> state() {
        return EventThread.call(panel::state);
    }

    @Override
    public synchronized void close() {
        if (window != null) {
            window.close();
            window = null;
        }
    }

    /** The window's content, for driving the form headless in tests. */
    FormPanel panel() {
        return panel;
    }
}
