package dev.deskpilot.vlm;

import java.util.Objects;

/**
 * One image cut into normalised 14x14 patches, the vision tower's input: {@code pixelValues} holds
 * {@code gridHeight * gridWidth} patches in row-major order, each as 3 x patch x patch values
 * (channel, row, column), i.e. Kimi-VL's {@code pixel_values[L, 3, 14, 14]}.
 *
 * @param pixelValues the patches, flattened
 * @param gridHeight patch rows (a multiple of the merge kernel's rows)
 * @param gridWidth patch columns (a multiple of the merge kernel's columns)
 * @param patchSize side of a patch in pixels
 */
public record ImagePatches(float[] pixelValues, int gridHeight, int gridWidth, int patchSize) {
    public ImagePatches {
        Objects.requireNonNull(pixelValues, "pixelValues");
        if (gridHeight < 1 || gridWidth < 1) {
            throw new IllegalArgumentException("patch grid must be at least 1x1, was " + gridHeight + "x" + gridWidth);
        }
        long expected = (long) gridHeight * gridWidth * 3 * patchSize * patchSize;
        if (pixelValues.length != expected) {
            throw new IllegalArgumentException("a " + gridHeight + "x" + gridWidth + " grid of " + patchSize
                    + "-pixel patches needs " + expected + " values, got " + pixelValues.length);
        }
    }

    /** Number of patches. */
    public int patches() {
        return gridHeight * gridWidth;
    }

    /** Image tokens after merging {@code mergeH x mergeW} patches into one. */
    public int tokens(int mergeH, int mergeW) {
        return (gridHeight / mergeH) * (gridWidth / mergeW);
    }
}
