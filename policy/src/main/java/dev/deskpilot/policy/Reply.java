package dev.deskpilot.policy;

import dev.deskpilot.actions.Action;
import java.util.List;
import java.util.Objects;

/**
 * One reply of a UI-TARS-style policy, read by {@link ActionGrammar}: the reasoning sections it
 * wrote (each empty when absent) and the actions after {@code Action:}, in order, with points in the
 * pixel space of the image the policy looked at.
 *
 * <p>UI-TARS writes {@code Thought:}; its reflective variant writes {@code Reflection:} and {@code
 * Action_Summary:} instead. Leading and trailing whitespace of each section is not kept.
 */
public record Reply(String thought, String reflection, String summary, List<Action> actions) {
    public Reply {
        thought = Objects.requireNonNull(thought, "thought").strip();
        reflection = Objects.requireNonNull(reflection, "reflection").strip();
        summary = Objects.requireNonNull(summary, "summary").strip();
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one action");
        }
    }

    /** A reply with a thought (possibly empty) and no reflection or summary. */
    public Reply(String thought, List<Action> actions) {
        this(thought, "", "", actions);
    }
}
