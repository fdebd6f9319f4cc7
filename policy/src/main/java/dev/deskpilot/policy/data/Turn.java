package dev.deskpilot.policy.data;

import java.util.Objects;
import java.util.Optional;

/**
 * One earlier step in a sample's history: the screenshot the actor saw then (absent where a chat
 * export left older screenshots out) and its reply in the model's grammar.
 */
public record Turn(Optional<SampleImage> image, String reply) {
    public Turn {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(reply, "reply");
    }
}
