package dev.deskpilot.perception;

import dev.deskpilot.actions.Rect;
import java.util.Objects;

/**
 * One word read from the screen: a run of characters without spaces, where it is on the screen,
 * and how sure the reader is of it.
 *
 * @param text the characters read, never empty and never containing a space
 * @param box where the word's ink is, in screen pixels
 * @param confidence the mean of the recogniser's per-character probabilities, in 0..1
 */
public record Word(String text, Rect box, double confidence) {
    public Word {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("word text must be non-empty without spaces, was '" + text + "'");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("word confidence must be in 0..1, was " + confidence);
        }
    }
}
