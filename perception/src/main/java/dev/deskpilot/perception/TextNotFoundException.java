package dev.deskpilot.perception;

import java.util.List;
import java.util.Objects;

/**
 * A {@link TextTarget} is not on the screen (or not as often as its occurrence asks). The message is
 * one line that names the target and what the screen shows instead, e.g. {@code text 'Sumbit' not
 * found on screen; nearest: 'Submit' at (104,220), 'Summit' at (300,40), 'Cancel' at (250,220)}.
 */
public final class TextNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient TextTarget target;
    private final transient List<TextMatch> nearest;

    public TextNotFoundException(String message, TextTarget target, List<TextMatch> nearest) {
        super(message);
        this.target = Objects.requireNonNull(target, "target");
        this.nearest = List.copyOf(nearest);
    }

    /** What was looked for. */
    public TextTarget target() {
        return target;
    }

    /**
     * The texts on screen closest to the target (nearest first; at most a few), or the matches found
     * when fewer occurrences were found than asked for; empty when the screen shows no text.
     */
    public List<TextMatch> nearest() {
        return nearest;
    }
}
