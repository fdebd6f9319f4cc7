package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/** One screenshot and the moment it was taken. */
public record Frame(BufferedImage image, Instant capturedAt) {
    public Frame {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    public Size size() {
        return new Size(image.getWidth(), image.getHeight());
    }
}
