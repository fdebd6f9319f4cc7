package dev.deskpilot.actions;

/**
 * Moves actions between two pixel spaces of the same picture, e.g. from the model's smart-resized
 * image to the screen it was resized from. Each axis scales on its own, so the mapping is exact for
 * any aspect-ratio change that resizing introduced.
 */
public record CoordinateMapper(Size from, Size to) {
    public CoordinateMapper {
        java.util.Objects.requireNonNull(from, "from");
        java.util.Objects.requireNonNull(to, "to");
    }

    /** A mapper that changes nothing. */
    public static CoordinateMapper identity(Size size) {
        return new CoordinateMapper(size, size);
    }

    /** Maps a point, clamping into the target space so a click never leaves the screen. */
    public Point map(Point p) {
        int x = (int) Math.round(p.x() * (double) to.width() / from.width());
        int y = (int) Math.round(p.y() * (double) to.height() / from.height());
        return new Point(clamp(x, to.width()), clamp(y, to.height()));
    }

    public Action map(Action action) {
        return switch (action) {
            case Action.Click c -> new Action.Click(map(c.at()));
            case Action.DoubleClick d -> new Action.DoubleClick(map(d.at()));
            case Action.RightClick r -> new Action.RightClick(map(r.at()));
            case Action.Drag d -> new Action.Drag(map(d.from()), map(d.to()));
            case Action.Scroll s -> new Action.Scroll(map(s.at()), s.direction(), s.amount());
            case Action.TypeText t -> t;
            case Action.Hotkey h -> h;
            case Action.Wait w -> w;
            case Action.Finished f -> f;
            case Action.CallUser c -> c;
        };
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
