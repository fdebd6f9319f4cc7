package dev.deskpilot.policy;

import dev.deskpilot.perception.Frame;
import java.util.List;
import java.util.Objects;

/**
 * What a policy is given at one step: the task's instruction, the current screenshot, and the
 * replies it gave at earlier steps (oldest first).
 */
public record Observation(String instruction, Frame frame, List<String> history) {
    public Observation {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(frame, "frame");
        history = List.copyOf(history);
    }
}
