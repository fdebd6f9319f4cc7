package dev.deskpilot.vlm;

import dev.deskpilot.actions.Rect;
import java.util.Objects;

/**
 * A word read from a screenshot by the OCR stage, with its box in the image's pixels: an element
 * of the optional OCR text-token stream.
 */
public record OcrWord(String text, Rect box) {
    public OcrWord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an OCR word needs text");
        }
    }
}
