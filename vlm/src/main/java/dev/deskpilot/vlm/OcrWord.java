package dev.deskpilot.vlm;

import dev.deskpilot.actions.Rect;
import java.util.Objects;

/**
 * A word read from a screenshot by the OCR stage, with its box in the screenshot's own pixels (not
 * the processed image's: {@link PromptBuilder} scales boxes with {@link ImageProcessor.Processed#scale()}
 * itself): an element of the optional OCR text-token stream. {@link OcrStream} chooses them from
 * what a {@link dev.deskpilot.perception.TextReader} read.
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
