package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Rect;

/**
 * Where a {@link Widget.Slider}'s values sit, the one rule every backend draws by and the oracle
 * aims by: the track runs from {@link #x0} to {@link #x1} along the middle of the slider's bounds,
 * left of a value box {@link #VALUE_BOX} pixels wide; value {@code v} sits at {@code x0 + round((v
 * − min)·(x1 − x0)/(max − min))}, and a pointer at {@code x} means the nearest value.
 */
public record SliderGeometry(int x0, int x1, int y, int min, int max) {
    /** Width of the box at the right of the bounds that shows the value. */
    public static final int VALUE_BOX = 56;

    /** Radius of the round thumb. */
    public static final int THUMB_RADIUS = 9;

    public static SliderGeometry of(Widget.Slider slider) {
        Rect b = slider.bounds();
        return new SliderGeometry(
                b.x() + THUMB_RADIUS,
                b.x() + b.width() - VALUE_BOX - THUMB_RADIUS,
                b.y() + b.height() / 2,
                slider.min(),
                slider.max());
    }

    /** The x of a value, in the same pixels as the slider's bounds. */
    public int xOf(int value) {
        return x0 + (int) Math.round((double) (value - min) * (x1 - x0) / (max - min));
    }

    /** The value a pointer at {@code x} means, clamped to min..max. */
    public int valueAt(int x) {
        long v = min + Math.round((double) (x - x0) * (max - min) / (x1 - x0));
        return (int) Math.max(min, Math.min(max, v));
    }
}
