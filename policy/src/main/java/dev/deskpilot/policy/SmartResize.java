package dev.deskpilot.policy;

import dev.deskpilot.actions.Size;

/**
 * The image size Qwen2.5-VL (and so UI-TARS-1.5) actually sees for a screenshot: each side a
 * multiple of {@code factor}, the area between {@code minPixels} and {@code maxPixels}, the aspect
 * ratio kept as closely as those allow. Absolute coordinates from UI-TARS-1.5 are pixels of this
 * size, not of the screen, so a screen action needs {@code CoordinateMapper(resized, screen)}.
 *
 * <p>Follows {@code smart_resize} of the UI-TARS and Qwen2.5-VL reference code step for step,
 * including Python's round-half-to-even when rounding a side to the nearest multiple: first round
 * each side (at least one {@code factor}); if the area then exceeds {@code maxPixels}, divide both
 * original sides by {@code √(h·w / maxPixels)} and round down to multiples; if it falls below
 * {@code minPixels}, multiply by {@code √(minPixels / (h·w))} and round up. Sides whose aspect
 * ratio exceeds {@value #MAX_ASPECT_RATIO} are rejected, as upstream does.
 */
public record SmartResize(int factor, long minPixels, long maxPixels) {
    /** The largest long-side to short-side ratio the model accepts. */
    public static final int MAX_ASPECT_RATIO = 200;

    /** UI-TARS-1.5's settings: factor 28, 100·28·28 to 16384·28·28 pixels. */
    public static final SmartResize UI_TARS_1_5 = new SmartResize(28, 100L * 28 * 28, 16384L * 28 * 28);

    public SmartResize {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, was " + factor);
        }
        if (minPixels < 1 || maxPixels < minPixels) {
            throw new IllegalArgumentException(
                    "pixel limits must satisfy 1 <= min_pixels <= max_pixels, were " + minPixels + " and " + maxPixels);
        }
    }

    /**
     * The size the model sees for an image of {@code original} size.
     *
     * @throws IllegalArgumentException if the aspect ratio exceeds {@value #MAX_ASPECT_RATIO}
     */
    public Size resize(Size original) {
        int height = original.height();
        int width = original.width();
        double ratio = (double) Math.max(height, width) / Math.min(height, width);
        if (ratio > MAX_ASPECT_RATIO) {
            throw new IllegalArgumentException(
                    "aspect ratio must be at most " + MAX_ASPECT_RATIO + ", was " + ratio + " for " + original);
        }
        long area = (long) height * width;
        int hBar = Math.max(factor, roundToMultiple(height));
        int wBar = Math.max(factor, roundToMultiple(width));
        if ((long) hBar * wBar > maxPixels) {
            double beta = Math.sqrt((double) area / maxPixels);
            // max(factor, …) only matters for limits far below the model's; upstream would return 0.
            hBar = Math.max(factor, floorToMultiple(height / beta));
            wBar = Math.max(factor, floorToMultiple(width / beta));
        } else if ((long) hBar * wBar < minPixels) {
            double beta = Math.sqrt((double) minPixels / area);
            hBar = ceilToMultiple(height * beta);
            wBar = ceilToMultiple(width * beta);
        }
        return new Size(wBar, hBar);
    }

    private int roundToMultiple(int value) {
        // Math.rint rounds halves to even, like Python's round().
        return (int) Math.rint((double) value / factor) * factor;
    }

    private int floorToMultiple(double value) {
        return (int) Math.floor(value / factor) * factor;
    }

    private int ceilToMultiple(double value) {
        return (int) Math.ceil(value / factor) * factor;
    }
}
