package dev.deskpilot.perception;

import dev.deskpilot.actions.Rect;
import java.util.Objects;
import java.util.Optional;

/**
 * A text to look for on a screen, as a script names it ("click Submit"): the words, optionally a
 * region of the screen to look in, and which occurrence to take when the text is there several
 * times. {@link ScreenText#find} matches it forgivingly (case, spacing and a few misread letters do
 * not matter; the rules are in docs/ocr.md).
 *
 * <pre>{@code
 * TextTarget.of("Open").within(new Rect(0, 0, 640, 400)).occurrence(2)
 * }</pre>
 *
 * @param text the words to find, as a person would write them; not blank
 * @param region where on the screen to look (a word counts when its box's centre is inside); empty
 *     for the whole screen
 * @param occurrence which match to take, 1-based, in reading order (top to bottom, then left to
 *     right)
 */
public record TextTarget(String text, Optional<Rect> region, int occurrence) {
    public TextTarget {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(region, "region");
        if (text.isBlank()) {
            throw new IllegalArgumentException("the text to find must not be blank");
        }
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence must be at least 1, was " + occurrence);
        }
        region.ifPresent(r -> {
            if (r.width() == 0 || r.height() == 0) {
                throw new IllegalArgumentException("region must not be empty, was " + r.width() + "x" + r.height());
            }
        });
    }

    /** The first occurrence of {@code text} anywhere on the screen. */
    public static TextTarget of(String text) {
        return new TextTarget(text, Optional.empty(), 1);
    }

    /** This target, looked for only inside {@code region}. */
    public TextTarget within(Rect region) {
        return new TextTarget(text, Optional.of(region), occurrence);
    }

    /** This target's {@code n}-th occurrence (1-based, reading order). */
    public TextTarget occurrence(int n) {
        return new TextTarget(text, region, n);
    }

    /** How messages and recorded thoughts name the target: {@code text 'Open'} (plus its region and occurrence). */
    public String describe() {
        StringBuilder out = new StringBuilder("text ").append(quote(text));
        if (occurrence > 1) {
            out.append(" (occurrence ").append(occurrence).append(')');
        }
        region.ifPresent(r -> out.append(" in region ").append(describe(r)));
        return out.toString();
    }

    /** A region as task files write it: {@code [x, y, width, height]}. */
    static String describe(Rect r) {
        return "[" + r.x() + ", " + r.y() + ", " + r.width() + ", " + r.height() + "]";
    }

    /** {@code 'text'}, on one line, with a quote inside written as {@code \'}. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replaceAll("\\R", " ") + "'";
    }
}
