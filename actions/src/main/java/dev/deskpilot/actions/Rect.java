package dev.deskpilot.actions;

/** An axis-aligned rectangle in pixels: top-left corner plus width and height. */
public record Rect(int x, int y, int width, int height) {
    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("rectangle size must not be negative, was " + width + "x" + height);
        }
    }

    public Point center() {
        return new Point(x + width / 2, y + height / 2);
    }

    public boolean contains(Point p) {
        return p.x() >= x && p.y() >= y && p.x() < x + width && p.y() < y + height;
    }
}
