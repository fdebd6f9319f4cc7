package dev.deskpilot.policy;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the numbers in an action's coordinates relate to pixels of the image the model looked at.
 *
 * <p>Each axis is mapped on its own: a number {@code n} on an axis {@code length} pixels long is
 * valid when {@code 0 ≤ n ≤ limit(length)} and lands on pixel {@code round(n · length / limit)},
 * clamped to {@code length − 1} so that the far edge (for example relative 1000) stays inside the
 * image. Going back, a pixel becomes the nearest number the convention writes.
 */
public enum CoordinateConvention {
    /**
     * UI-TARS-1.5 (Qwen2.5-VL base): absolute pixels in the smart-resized image the model was shown
     * (see {@link SmartResize}); written as integers.
     */
    ABSOLUTE,
    /**
     * UI-TARS 1.0 (Qwen2-VL base) and the hosted Doubao models: 0–1000 relative to the image's width
     * and height; written as integers, so images wider or taller than 1000 pixels lose precision.
     */
    RELATIVE_1000,
    /**
     * Kimi-VL: 0–1 normalised to the image's width and height; written with at most four decimals,
     * enough to name every pixel of images up to 10 000 pixels long.
     */
    NORMALIZED;

    private static final int NORMALIZED_DECIMALS = 4;

    /** The largest number this convention writes on an axis that is {@code length} pixels long. */
    public double limit(int length) {
        return switch (this) {
            case ABSOLUTE -> length;
            case RELATIVE_1000 -> 1000;
            case NORMALIZED -> 1;
        };
    }

    /** Whether {@code number} names a position on an axis {@code length} pixels long. */
    public boolean inRange(double number, int length) {
        return number >= 0 && number <= limit(length);
    }

    /**
     * Maps one coordinate number to a pixel on an axis {@code length} pixels long.
     *
     * @throws IllegalArgumentException if the number is outside {@code 0..limit(length)}
     */
    public int toPixel(double number, int length) {
        if (!inRange(number, length)) {
            throw new IllegalArgumentException(
                    formatNumber(number) + " is outside " + rangeText(length) + " (" + describe() + ")");
        }
        double pixel = switch (this) {
            case ABSOLUTE -> number;
            case RELATIVE_1000, NORMALIZED -> number * length / limit(length);
        };
        return (int) Math.min(length - 1, Math.round(pixel));
    }

    /**
     * Maps a number pair to a pixel of {@code image}.
     *
     * @throws IllegalArgumentException naming the axis if either number is out of range
     */
    public Point toPixel(double x, double y, Size image) {
        if (!inRange(x, image.width())) {
            throw new IllegalArgumentException(
                    "x " + formatNumber(x) + " is outside " + rangeText(image.width()) + " (" + describe() + ")");
        }
        if (!inRange(y, image.height())) {
            throw new IllegalArgumentException(
                    "y " + formatNumber(y) + " is outside " + rangeText(image.height()) + " (" + describe() + ")");
        }
        return new Point(toPixel(x, image.width()), toPixel(y, image.height()));
    }

    /**
     * Maps a pixel on an axis {@code length} pixels long to the number this convention writes for it:
     * the pixel itself, its nearest relative integer, or its normalised value rounded to four
     * decimals.
     *
     * @throws IllegalArgumentException if the pixel is outside {@code 0..length−1}
     */
    public double fromPixel(int pixel, int length) {
        if (pixel < 0 || pixel >= length) {
            throw new IllegalArgumentException("pixel " + pixel + " is outside 0.." + (length - 1));
        }
        return switch (this) {
            case ABSOLUTE -> pixel;
            case RELATIVE_1000 -> Math.round(pixel * 1000.0 / length);
            case NORMALIZED ->
                BigDecimal.valueOf((double) pixel / length)
                        .setScale(NORMALIZED_DECIMALS, RoundingMode.HALF_UP)
                        .doubleValue();
        };
    }

    /**
     * Writes a pixel of {@code image} as this convention's number pair {@code x,y}, e.g. {@code
     * 451,553} or {@code 0.235,0.512}.
     *
     * @throws IllegalArgumentException if the point lies outside the image
     */
    public String format(Point pixel, Size image) {
        if (!image.contains(pixel)) {
            throw new IllegalArgumentException("point " + pixel + " is outside the " + image + " image");
        }
        return formatNumber(fromPixel(pixel.x(), image.width())) + ","
                + formatNumber(fromPixel(pixel.y(), image.height()));
    }

    /** Writes a coordinate number: integers without a decimal point, fractions without trailing zeros. */
    public String formatNumber(double number) {
        return switch (this) {
            case ABSOLUTE, RELATIVE_1000 -> number == Math.rint(number) ? Long.toString((long) number) : plain(number);
            case NORMALIZED -> plain(number);
        };
    }

    private static String plain(double number) {
        String text = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private String rangeText(int length) {
        return "0.." + formatNumber(limit(length));
    }

    private String describe() {
        return switch (this) {
            case ABSOLUTE -> "absolute pixels";
            case RELATIVE_1000 -> "relative 0-1000";
            case NORMALIZED -> "normalised 0-1";
        };
    }
}
