package dev.deskpilot.policy;

import dev.deskpilot.actions.Size;

/**
 * Reads the action steps of a script (a task file's {@code steps}, a demo, a test): UI-TARS action
 * text with {@link CoordinateConvention#ABSOLUTE} coordinates in the pixels of the observed frame,
 * either a full reply ({@code "Thought: …\nAction: …"}) or just the actions ({@code
 * "click(start_box='(200,110)')"}). The policy that plays scripts is {@code
 * dev.deskpilot.agent.ScriptPolicy}.
 *
 * <p>A script is checked when it is made, so a typo fails before the run starts ({@link #check});
 * whether its points lie inside the frame can only be checked when the frame is seen ({@link
 * #read}).
 */
public final class ScriptStep {
    /** An image so large that only the syntax, not the position, of absolute coordinates is checked. */
    private static final Size ANY_IMAGE = new Size(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private ScriptStep() {}

    /**
     * Reads one action step, a full reply or just actions, with points in an image of {@code
     * imageSize}.
     *
     * @throws ActionSyntaxException if it does not parse or a point lies outside the image
     */
    public static Reply read(String step, Size imageSize) throws ActionSyntaxException {
        return new ActionGrammar(CoordinateConvention.ABSOLUTE, imageSize).parse(asReply(step));
    }

    /**
     * Checks that one action step parses, before any frame is seen (points are only checked to be
     * whole pixels).
     *
     * @throws ActionSyntaxException if it does not parse
     */
    public static void check(String step) throws ActionSyntaxException {
        read(step, ANY_IMAGE);
    }

    /** A step without section labels is just actions; give it the {@code Action:} label. */
    private static String asReply(String step) {
        return ReplySections.hasLabel(step) ? step : ReplySections.Label.ACTION.heading() + " " + step;
    }
}
