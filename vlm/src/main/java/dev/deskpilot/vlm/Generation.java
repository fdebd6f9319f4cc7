package dev.deskpilot.vlm;

import dev.deskpilot.actions.Point;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Generator#generate} produced.
 *
 * @param text the reply, with each pointing step rendered as {@code (x,y)} in image pixels
 * @param tokens the generated vocabulary ids, stop token excluded
 * @param points the points the model pointed at, in order
 * @param stop why generation ended
 * @param promptTokens tokens in the prompt
 * @param prefill time to encode the images and run the prompt
 * @param decode time for the generated tokens
 */
public record Generation(
        String text, int[] tokens, List<Point> points, Stop stop, int promptTokens, Duration prefill, Duration decode) {
    /** Why generation ended. */
    public enum Stop {
        STOP_TOKEN,
        MAX_TOKENS,
        CONTEXT_FULL
    }

    public Generation {
        points = List.copyOf(points);
    }
}
