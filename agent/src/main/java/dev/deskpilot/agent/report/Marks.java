package dev.deskpilot.agent.report;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import java.util.Optional;

/**
 * What the HTML overlay ({@link OverlaySvg}) and the GIF ({@link MarkPainter}) have in common: the
 * colour of each kind of action and the geometry of its mark, in screen pixels, so both draw the
 * same picture. A click is a ring on its point, a double click two rings, a right click a ring
 * with a square centre; a drag is a ring at the start and an arrow to the end; a scroll is a ring
 * and an arrow in the wheel's direction, longer for more notches. Actions without a point (type,
 * hotkey, wait, finished, call_user) have no mark; reports show them as text.
 */
final class Marks {
    static final String CLICK = "#e5202e";
    static final String DOUBLE_CLICK = "#a21caf";
    static final String RIGHT_CLICK = "#ea7a00";
    static final String DRAG = "#1d5fd6";
    static final String SCROLL = "#14883e";

    private Marks() {}

    /** The ring radius for marks on a screen of this size: readable on a 1280x800 frame, scaled with it. */
    static int radius(Size screen) {
        return Math.max(10, Math.round(Math.max(screen.width(), screen.height()) / 64f));
    }

    /** The mark's colour, or empty for an action that has no position on the screen. */
    static Optional<String> color(Action action) {
        return Optional.ofNullable(
                switch (action) {
                    case Action.Click c -> CLICK;
                    case Action.DoubleClick d -> DOUBLE_CLICK;
                    case Action.RightClick r -> RIGHT_CLICK;
                    case Action.Drag d -> DRAG;
                    case Action.Scroll s -> SCROLL;
                    case Action.TypeText t -> null;
                    case Action.Hotkey h -> null;
                    case Action.Wait w -> null;
                    case Action.Finished f -> null;
                    case Action.CallUser c -> null;
                });
    }

    /** Where a scroll's arrow ends: from its point in the wheel's direction, a notch per half radius. */
    static Point scrollEnd(Action.Scroll scroll, int radius) {
        int length = 2 * radius + scroll.amount() * radius / 2;
        Point at = scroll.at();
        return switch (scroll.direction()) {
            case UP -> new Point(at.x(), at.y() - length);
            case DOWN -> new Point(at.x(), at.y() + length);
            case LEFT -> new Point(at.x() - length, at.y());
            case RIGHT -> new Point(at.x() + length, at.y());
        };
    }

    /**
     * The three corners of an arrow head whose tip is {@code to}, pointing away from {@code from}:
     * {@code {tipX, tipY, leftX, leftY, rightX, rightY}}.
     */
    static double[] arrowHead(Point from, Point to, int radius) {
        double angle = Math.atan2(to.y() - from.y(), to.x() - from.x());
        double length = radius * 1.1;
        double spread = Math.toRadians(28);
        return new double[] {
            to.x(),
            to.y(),
            to.x() - length * Math.cos(angle - spread),
            to.y() - length * Math.sin(angle - spread),
            to.x() - length * Math.cos(angle + spread),
            to.y() - length * Math.sin(angle + spread)
        };
    }
}
