package dev.deskpilot.policy;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Size;
import java.util.List;
import java.util.Objects;

/**
 * A policy's answer: its reply text, the thought it gave (empty if none), and the actions parsed
 * from it, with points in the pixel space of {@code imageSize} (the image the policy looked at).
 */
public record Decision(String text, String thought, List<Action> actions, Size imageSize) {
    public Decision {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(thought, "thought");
        actions = List.copyOf(actions);
        Objects.requireNonNull(imageSize, "imageSize");
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one action");
        }
    }
}
