package dev.deskpilot.agent.record;

import java.time.Duration;
import java.util.Objects;

/**
 * When raw input events count as one action.
 *
 * @param doubleClick the longest time from a left click's release to the next press for the two to
 *     be a double click (AWT's default on X11 is 500 ms)
 * @param clickSlop how far apart, in pixels on each axis, the two clicks of a double click may be
 * @param dragThreshold how far the pointer must move between press and release, in pixels on either
 *     axis, for a drag rather than a click
 * @param typingPause how long typing may pause before the text typed so far becomes its own step
 * @param scrollPause how long the wheel may rest before the notches so far become one scroll
 */
public record MergeRules(
        Duration doubleClick, int clickSlop, int dragThreshold, Duration typingPause, Duration scrollPause) {
    public static final MergeRules DEFAULT =
            new MergeRules(Duration.ofMillis(500), 4, 5, Duration.ofSeconds(2), Duration.ofMillis(600));

    public MergeRules {
        Objects.requireNonNull(doubleClick, "doubleClick");
        Objects.requireNonNull(typingPause, "typingPause");
        Objects.requireNonNull(scrollPause, "scrollPause");
        if (clickSlop < 0) {
            throw new IllegalArgumentException("clickSlop must not be negative, was " + clickSlop);
        }
        if (dragThreshold <= clickSlop) {
            throw new IllegalArgumentException(
                    "dragThreshold must be larger than clickSlop (" + clickSlop + "), was " + dragThreshold);
        }
    }
}
