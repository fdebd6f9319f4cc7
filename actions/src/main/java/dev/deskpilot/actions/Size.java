package dev.deskpilot.actions;

/** The width and height of a screen or image in pixels; both are positive. */
public record Size(int width, int height) {
    public Size {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + width + "x" + height);
        }
    }

    /** Parses {@code WIDTHxHEIGHT}, e.g. {@code 1280x800}. */
    public static Size parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT such as 1280x800, was '" + text + "'");
        }
        try {
            return new Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT such as 1280x800, was '" + text + "'");
        }
    }

    public boolean contains(Point p) {
        return p.x() >= 0 && p.y() >= 0 && p.x() < width && p.y() < height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
