package dev.deskpilot.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line of {@code steps.jsonl}: what the agent saw, what the policy said, and what was done.
 *
 * @param step 1-based step number
 * @param frame the screenshot the policy saw, relative to the run folder
 * @param text the policy's reply, verbatim
 * @param thought the reply's thought, empty if none
 * @param imageSize the pixel space of {@code actions}, as WIDTHxHEIGHT
 * @param actions the parsed actions in the policy's image space, as canonical UI-TARS text
 * @param screenActions the same actions mapped to screen pixels, as canonical UI-TARS text
 * @param timingsMs how long capture, decide and act took, in milliseconds
 * @param error why the step failed, or empty
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StepRecord(
        int step,
        String frame,
        String text,
        String thought,
        String imageSize,
        List<String> actions,
        List<String> screenActions,
        Timings timingsMs,
        String error) {

    public StepRecord {
        actions = List.copyOf(actions);
        screenActions = List.copyOf(screenActions);
    }

    /** Milliseconds spent in each phase of a step. */
    public record Timings(long capture, long decide, long act, long settle) {}
}
