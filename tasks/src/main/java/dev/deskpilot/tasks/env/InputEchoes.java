package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Action;

/**
 * How much input an action sends back to the app, for real-display backends that wait until it has
 * all arrived: Robot's events travel through the X server, and reading the app's state before the
 * last key has come back would judge a half-typed field.
 */
public final class InputEchoes {
    private InputEchoes() {}

    /**
     * The key releases (modifiers not counted) that typing {@code t} brings back: one per character
     * when it is typed key by key (printable ASCII: the US layout Robot presses), one for the
     * Ctrl+V of a pasted text otherwise, and one for a trailing Enter.
     */
    public static int keyReleases(Action.TypeText t) {
        String text = t.submits() ? t.text().substring(0, t.text().length() - 1) : t.text();
        boolean keyByKey = text.chars().allMatch(c -> (c >= 32 && c < 127) || c == '\t' || c == '\n');
        return (text.isEmpty() ? 0 : keyByKey ? text.length() : 1) + (t.submits() ? 1 : 0);
    }
}
