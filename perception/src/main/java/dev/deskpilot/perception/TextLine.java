package dev.deskpilot.perception;

import dev.deskpilot.actions.Rect;
import java.util.List;
import java.util.Objects;

/**
 * One line of text read from the screen: what a detector found as one connected run of text
 * (a label, a button caption, a line of a paragraph), with its words.
 *
 * @param text the words joined by single spaces
 * @param box where the line is, in screen pixels
 * @param confidence the mean of the recogniser's per-character probabilities, in 0..1
 * @param words the line's words from left to right; never empty
 */
public record TextLine(String text, Rect box, double confidence, List<Word> words) {
    public TextLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a text line must have at least one word: '" + text + "'");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("line confidence must be in 0..1, was " + confidence);
        }
    }
}
