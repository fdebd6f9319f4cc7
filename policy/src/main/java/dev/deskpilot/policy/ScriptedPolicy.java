package dev.deskpilot.policy;

import dev.deskpilot.actions.Size;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A policy that replays a fixed script, one step per {@link #decide} call: for demos, tests, and
 * recorded runs. Each step is UI-TARS action text with {@link CoordinateConvention#ABSOLUTE}
 * coordinates in the pixels of the observed frame, either a full reply ({@code "Thought: …\nAction:
 * …"}) or just the actions ({@code "click(start_box='(200,110)')"}).
 *
 * <p>The whole script is read when the policy is made, so a typo fails before the run starts;
 * whether points lie inside the frame can only be checked when the frame is seen, in {@link
 * #decide}. A ScriptedPolicy is used up as it runs: it serves each step once, in order.
 */
public final class ScriptedPolicy implements Policy {
    /** An image so large that only the syntax, not the position, of absolute coordinates is checked. */
    private static final Size ANY_IMAGE = new Size(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final List<String> steps;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * A policy that replays {@code steps} in order.
     *
     * @throws IllegalArgumentException naming the first step (1-based) that does not parse
     */
    public ScriptedPolicy(List<String> steps) {
        this.steps = List.copyOf(steps);
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one step");
        }
        for (int i = 0; i < this.steps.size(); i++) {
            String step = this.steps.get(i);
            if (step.isBlank()) {
                throw new IllegalArgumentException("script step " + (i + 1) + " is blank");
            }
            try {
                checkStep(step);
            } catch (ActionSyntaxException e) {
                throw new IllegalArgumentException("script step " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    /** A policy that replays {@code steps} in order; see {@link #ScriptedPolicy(List)}. */
    public static ScriptedPolicy of(String... steps) {
        return new ScriptedPolicy(List.of(steps));
    }

    /** How many steps the script has. */
    public int size() {
        return steps.size();
    }

    /**
     * Serves the next step, read in the pixel space of {@code observation.frame()}.
     *
     * @throws PolicyException "script has no step N" once every step was served
     * @throws ActionSyntaxException naming the step if one of its points lies outside the frame
     */
    @Override
    public Decision decide(Observation observation) throws PolicyException {
        Objects.requireNonNull(observation, "observation");
        int index = next.getAndIncrement();
        if (index >= steps.size()) {
            throw new PolicyException("script has no step " + (index + 1) + " (it has " + steps.size() + " steps)");
        }
        String step = steps.get(index);
        Size frame = observation.frame().size();
        Reply reply;
        try {
            reply = readStep(step, frame);
        } catch (ActionSyntaxException e) {
            throw new ActionSyntaxException("script step " + (index + 1) + ": " + e.getMessage(), e);
        }
        return new Decision(step, reply.thought(), reply.actions(), frame);
    }

    /**
     * Reads one script step, a full reply or just actions, with {@link CoordinateConvention#ABSOLUTE}
     * points in an image of {@code imageSize}.
     *
     * @throws ActionSyntaxException if it does not parse or a point lies outside the image
     */
    public static Reply readStep(String step, Size imageSize) throws ActionSyntaxException {
        return new ActionGrammar(CoordinateConvention.ABSOLUTE, imageSize).parse(asReply(step));
    }

    /**
     * Checks that one script step parses, before any frame is seen (points are only checked to be
     * whole pixels).
     *
     * @throws ActionSyntaxException if it does not parse
     */
    public static void checkStep(String step) throws ActionSyntaxException {
        readStep(step, ANY_IMAGE);
    }

    /** A step without section labels is just actions; give it the {@code Action:} label. */
    private static String asReply(String step) {
        return ReplySections.hasLabel(step) ? step : ReplySections.Label.ACTION.heading() + " " + step;
    }
}
