package dev.deskpilot.policy.data;

import dev.deskpilot.policy.UiTarsPrompt;
import java.util.List;
import java.util.Objects;

/**
 * One training example for behaviour cloning: given the instruction, the earlier turns and the
 * current screenshot, the model should answer {@link #reply()}.
 *
 * @param id unique within a dataset: {@code <run folder name>/<step, 4 digits>}
 * @param instruction the task the actor was given
 * @param image the screenshot before the action; the reply's coordinates are pixels of its {@link
 *     SampleImage#size()}
 * @param history the earlier steps of the same run, oldest first
 * @param reply the answer in the model's grammar: {@code Thought: …} when there was a thought, then
 *     {@code Action: } and the action calls, e.g. {@code Action: click(start_box='<|box_start|>(294,93)<|box_end|>')}
 */
public record Sample(String id, String instruction, SampleImage image, List<Turn> history, String reply) {
    /** The language of the thoughts the prompt asks for. */
    public static final String PROMPT_LANGUAGE = "English";

    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(image, "image");
        history = List.copyOf(history);
        Objects.requireNonNull(reply, "reply");
        if (id.isBlank()) {
            throw new IllegalArgumentException("sample id must not be blank");
        }
        if (reply.isBlank()) {
            throw new IllegalArgumentException("sample " + id + " has a blank reply");
        }
    }

    /** The UI-TARS computer-use prompt for this sample's instruction, thoughts in English. */
    public String prompt() {
        return UiTarsPrompt.computerUse(instruction, PROMPT_LANGUAGE);
    }
}
