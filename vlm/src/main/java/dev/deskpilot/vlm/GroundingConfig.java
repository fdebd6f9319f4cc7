package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * deskpilot's additions for grounding, absent (all off) in a real Kimi-VL config.
 *
 * <p>The OCR stream: words read from the screenshot enter the prompt as ordinary text tokens, each
 * carrying its box's position on the same grid the image patches' learned position embedding
 * spans; {@code ocr_pos_emb} adds that position to the word's token embeddings.
 *
 * <p>Pointing: the model names a location by pointing at one of the image or OCR tokens in its
 * context (a pointer head scores the final hidden state against every such token's key), then by
 * one offset token for the cell inside that image token; generation turns the pair into the
 * grammar's pixel coordinates.
 *
 * @param ocrStream whether the model takes the OCR text-token stream
 * @param pointerDim width of the pointer head's queries and keys; 0 for no pointer
 * @param pointOffsetGrid cells per side inside one image token for the offset tokens
 *     ({@code <|off_0|>} ...); with a pointer it must be at least 1
 */
public record GroundingConfig(
        @JsonProperty("ocr_stream") boolean ocrStream,
        @JsonProperty("pointer_dim") int pointerDim,
        @JsonProperty("point_offset_grid") int pointOffsetGrid) {

    /** No OCR stream and no pointer: the real Kimi-VL. */
    public static final GroundingConfig NONE = new GroundingConfig(false, 0, 0);

    public GroundingConfig {
        ConfigChecks.atLeast("grounding.pointer_dim", pointerDim, 0);
        ConfigChecks.atLeast("grounding.point_offset_grid", pointOffsetGrid, 0);
        if (pointerDim > 0 && pointOffsetGrid < 1) {
            throw new IllegalArgumentException(
                    "grounding.point_offset_grid must be at least 1 when pointer_dim is set, was " + pointOffsetGrid);
        }
    }

    /** Whether the model has a pointer head. */
    public boolean pointer() {
        return pointerDim > 0;
    }
}
