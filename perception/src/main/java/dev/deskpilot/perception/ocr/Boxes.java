package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;

/** Rectangle arithmetic the OCR stages share; {@link Rect} itself stays a plain value. */
public final class Boxes {
    private Boxes() {}

    public static int right(Rect r) {
        return r.x() + r.width();
    }

    public static int bottom(Rect r) {
        return r.y() + r.height();
    }

    /** Whether the two rectangles share at least one pixel. */
    public static boolean intersects(Rect a, Rect b) {
        return a.x() < right(b) && b.x() < right(a) && a.y() < bottom(b) && b.y() < bottom(a);
    }

    /** The smallest rectangle holding both. */
    public static Rect union(Rect a, Rect b) {
        int x = Math.min(a.x(), b.x());
        int y = Math.min(a.y(), b.y());
        return new Rect(x, y, Math.max(right(a), right(b)) - x, Math.max(bottom(a), bottom(b)) - y);
    }

    /** Whether {@code outer} holds every pixel of {@code inner}. */
    public static boolean contains(Rect outer, Rect inner) {
        return inner.x() >= outer.x()
                && inner.y() >= outer.y()
                && right(inner) <= right(outer)
                && bottom(inner) <= bottom(outer);
    }

    /** The rectangle grown by {@code margin} on every side, then cut to {@code bounds}. */
    public static Rect grow(Rect r, int margin, Rect bounds) {
        return grow(r, margin, margin, margin, margin, bounds);
    }

    /** The rectangle grown by the given amounts on each side, then cut to {@code bounds}. */
    public static Rect grow(Rect r, int left, int top, int right, int bottom, Rect bounds) {
        int x0 = Math.max(bounds.x(), r.x() - left);
        int y0 = Math.max(bounds.y(), r.y() - top);
        int x1 = Math.min(right(bounds), right(r) + right);
        int y1 = Math.min(bottom(bounds), bottom(r) + bottom);
        return new Rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /** The area the two rectangles share divided by the area of their union, 0 when apart. */
    public static double iou(Rect a, Rect b) {
        long w = Math.min(right(a), right(b)) - Math.max(a.x(), b.x());
        long h = Math.min(bottom(a), bottom(b)) - Math.max(a.y(), b.y());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        long shared = w * h;
        return (double) shared / ((long) a.width() * a.height() + (long) b.width() * b.height() - shared);
    }
}
