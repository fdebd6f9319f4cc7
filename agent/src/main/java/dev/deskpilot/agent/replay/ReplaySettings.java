package dev.deskpilot.agent.replay;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a replay runs.
 *
 * @param speed how much faster than recorded to go: the pause before each step is the recorded
 *     one divided by this (2 is twice as fast); the screen is always let settle as well
 * @param maxDifference when present, each screen is compared before acting with the frame recorded
 *     for that step, and the replay stops if more than this fraction of pixels differ ({@link
 *     FrameDifference}); empty to act without comparing
 * @param settleTimeout the longest wait for the screen to stop changing before a step
 */
public record ReplaySettings(double speed, OptionalDouble maxDifference, Duration settleTimeout) {
    /**
     * The default limit for {@code --check}: 1% of the pixels, about a 100x100 patch of a 1280x800
     * screen. A blinking caret, a hover highlight or a ticking clock stays well below it; a window
     * or dialog that is missing or extra, a list scrolled elsewhere, or another page goes far
     * above it. Small differences inside the app (a tick mark, a word) are left to the app's own
     * checks: a replay is meant to tolerate them.
     */
    public static final double DEFAULT_MAX_DIFFERENCE = 0.01;

    public ReplaySettings {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
        Objects.requireNonNull(maxDifference, "maxDifference");
        if (maxDifference.isPresent() && !(maxDifference.getAsDouble() >= 0 && maxDifference.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(
                    "maxDifference must be a fraction from 0 to 1, was " + maxDifference.getAsDouble());
        }
        Objects.requireNonNull(settleTimeout, "settleTimeout");
    }
}
