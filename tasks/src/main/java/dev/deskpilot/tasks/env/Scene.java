package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import java.util.List;
import java.util.Objects;

/**
 * What an instance shows: a screen of {@code screen} size with one window at {@code window}
 * (screen pixels) holding {@code widgets} (window pixels; later ones are drawn on top). A
 * description only: backends render it and keep the app's state.
 *
 * <p>The app's state, as backends report it, maps each stateful widget's id to its value (see
 * {@link Widget}) and {@value #COMMITTED} to the token of whatever ended the task ({@code ""}
 * until then).
 */
public record Scene(Size screen, Rect window, String title, Theme theme, List<Widget> widgets) {
    /** The state key holding the commit token. */
    public static final String COMMITTED = "committed";

    public Scene {
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(theme, "theme");
        widgets = List.copyOf(widgets);
        if (window.x() < 0
                || window.y() < 0
                || window.x() + window.width() > screen.width()
                || window.y() + window.height() > screen.height()) {
            throw new IllegalArgumentException("window " + window + " does not fit the " + screen + " screen");
        }
    }

    /** Converts a rectangle in window pixels to screen pixels. */
    public Rect toScreen(Rect inWindow) {
        return new Rect(inWindow.x() + window.x(), inWindow.y() + window.y(), inWindow.width(), inWindow.height());
    }
}
