package dev.deskpilot.agent.report;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import java.util.List;
import java.util.Locale;

/**
 * A step's actions as an SVG layer over its frame (see {@link Marks} for what each mark looks
 * like). The layer's view box is the screen in pixels and it is stretched over the image, so marks
 * land where the actions landed whatever size the frame is shown at. Each mark is a {@code <g
 * class="mark mark-VERB">} numbered like the step's action list.
 */
final class OverlaySvg {
    private OverlaySvg() {}

    static String render(List<ScreenAction> actions, Size screen) {
        int r = Marks.radius(screen);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"overlay\" viewBox=\"0 0 ")
                .append(screen.width())
                .append(' ')
                .append(screen.height())
                .append("\" preserveAspectRatio=\"none\" aria-hidden=\"true\">");
        for (int i = 0; i < actions.size(); i++) {
            int number = i + 1;
            actions.get(i).action().ifPresent(a -> mark(svg, a, number, r));
        }
        return svg.append("</svg>").toString();
    }

    private static void mark(StringBuilder svg, Action action, int number, int r) {
        String color = Marks.color(action).orElse("");
        switch (action) {
            case Action.Click c -> {
                open(svg, action, number, color);
                ring(svg, c.at(), r);
                dot(svg, c.at(), r / 4.0);
                label(svg, c.at(), r, number);
                close(svg);
            }
            case Action.DoubleClick d -> {
                open(svg, action, number, color);
                ring(svg, d.at(), r);
                ring(svg, d.at(), r * 0.6);
                label(svg, d.at(), r, number);
                close(svg);
            }
            case Action.RightClick rc -> {
                open(svg, action, number, color);
                ring(svg, rc.at(), r);
                double s = r / 2.5;
                svg.append("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>"
                        .formatted(n(rc.at().x() - s / 2), n(rc.at().y() - s / 2), n(s), n(s)));
                label(svg, rc.at(), r, number);
                close(svg);
            }
            case Action.Drag d -> {
                open(svg, action, number, color);
                ring(svg, d.from(), r);
                arrow(svg, d.from(), d.to(), r);
                label(svg, d.from(), r, number);
                close(svg);
            }
            case Action.Scroll s -> {
                open(svg, action, number, color);
                ring(svg, s.at(), r);
                arrow(svg, s.at(), Marks.scrollEnd(s, r), r);
                label(svg, s.at(), r, number);
                close(svg);
            }
            case Action.TypeText t -> {}
            case Action.Hotkey h -> {}
            case Action.Wait w -> {}
            case Action.Finished f -> {}
            case Action.CallUser c -> {}
        }
    }

    private static void open(StringBuilder svg, Action action, int number, String color) {
        svg.append("<g class=\"mark mark-")
                .append(action.verb())
                .append("\" data-action=\"")
                .append(number)
                .append("\" stroke=\"")
                .append(color)
                .append("\" fill=\"")
                .append(color)
                .append("\">");
    }

    private static void close(StringBuilder svg) {
        svg.append("</g>");
    }

    private static void ring(StringBuilder svg, Point at, double r) {
        svg.append("<circle class=\"ring\" cx=\"%d\" cy=\"%d\" r=\"%s\" fill=\"none\" stroke-width=\"%s\"/>"
                .formatted(at.x(), at.y(), n(r), n(Math.max(2, r / 5.0))));
    }

    private static void dot(StringBuilder svg, Point at, double r) {
        svg.append("<circle cx=\"%d\" cy=\"%d\" r=\"%s\" stroke=\"none\"/>".formatted(at.x(), at.y(), n(r)));
    }

    private static void arrow(StringBuilder svg, Point from, Point to, int r) {
        double[] head = Marks.arrowHead(from, to, r);
        svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke-width=\"%s\"/>"
                .formatted(from.x(), from.y(), to.x(), to.y(), n(Math.max(2, r / 5.0))));
        svg.append("<polygon points=\"%s,%s %s,%s %s,%s\" stroke=\"none\"/>"
                .formatted(n(head[0]), n(head[1]), n(head[2]), n(head[3]), n(head[4]), n(head[5])));
    }

    private static void label(StringBuilder svg, Point at, int r, int number) {
        svg.append("<text x=\"%s\" y=\"%s\" font-size=\"%s\" stroke=\"none\">%d</text>"
                .formatted(n(at.x() + r * 1.1), n(at.y() - r * 1.1), n(r * 1.2), number));
    }

    /** A coordinate with at most one decimal, in the C locale (SVG wants '.', never ','). */
    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
