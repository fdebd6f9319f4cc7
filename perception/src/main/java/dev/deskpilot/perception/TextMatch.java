package dev.deskpilot.perception;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import java.util.Objects;

/**
 * Where a {@link TextTarget} was found on a screen: the words that matched, as read, and their box.
 *
 * @param text the matched words as the reader read them, joined by single spaces
 * @param box the box around just the matched words, in screen pixels
 * @param distance how many characters differ from the target after case and spacing are ignored
 *     (0 for an exact match)
 */
public record TextMatch(String text, Rect box, int distance) {
    public TextMatch {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
        if (distance < 0) {
            throw new IllegalArgumentException("distance must not be negative, was " + distance);
        }
    }

    /** The middle of the matched words: where a click on the text goes. */
    public Point center() {
        return box.center();
    }

    /** {@code 'Submit' at (104,220)}: for messages. */
    public String describe() {
        return TextTarget.quote(text) + " at " + center();
    }
}
