package dev.deskpilot.agent.report;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** Draws a step's action marks onto an image with Java2D: the GIF's twin of {@link OverlaySvg}. */
final class MarkPainter {
    private MarkPainter() {}

    /**
     * Paints the marks of {@code actions} (screen pixels of {@code screen}) onto {@code g}, whose
     * drawing area is {@code width x height} image pixels showing the whole screen.
     */
    static void paint(Graphics2D g, List<ScreenAction> actions, Size screen, int width, int height) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.transform(AffineTransform.getScaleInstance(
                    width / (double) screen.width(), height / (double) screen.height()));
            int r = Marks.radius(screen);
            g2.setStroke(new BasicStroke(Math.max(2, r / 5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(r * 1.2f)));
            for (int i = 0; i < actions.size(); i++) {
                int number = i + 1;
                actions.get(i).action().ifPresent(a -> mark(g2, a, number, r));
            }
        } finally {
            g2.dispose();
        }
    }

    private static void mark(Graphics2D g, Action action, int number, int r) {
        Marks.color(action).ifPresent(hex -> g.setColor(Color.decode(hex)));
        switch (action) {
            case Action.Click c -> {
                ring(g, c.at(), r);
                g.fill(circle(c.at(), r / 4.0));
                label(g, c.at(), r, number);
            }
            case Action.DoubleClick d -> {
                ring(g, d.at(), r);
                ring(g, d.at(), r * 0.6);
                label(g, d.at(), r, number);
            }
            case Action.RightClick rc -> {
                ring(g, rc.at(), r);
                double s = r / 2.5;
                g.fill(new Rectangle2D.Double(rc.at().x() - s / 2, rc.at().y() - s / 2, s, s));
                label(g, rc.at(), r, number);
            }
            case Action.Drag d -> {
                ring(g, d.from(), r);
                arrow(g, d.from(), d.to(), r);
                label(g, d.from(), r, number);
            }
            case Action.Scroll s -> {
                ring(g, s.at(), r);
                arrow(g, s.at(), Marks.scrollEnd(s, r), r);
                label(g, s.at(), r, number);
            }
            case Action.TypeText t -> {}
            case Action.Hotkey h -> {}
            case Action.Wait w -> {}
            case Action.Finished f -> {}
            case Action.CallUser c -> {}
        }
    }

    private static Ellipse2D circle(Point at, double r) {
        return new Ellipse2D.Double(at.x() - r, at.y() - r, 2 * r, 2 * r);
    }

    private static void ring(Graphics2D g, Point at, double r) {
        g.draw(circle(at, r));
    }

    private static void arrow(Graphics2D g, Point from, Point to, int r) {
        g.draw(new Line2D.Double(from.x(), from.y(), to.x(), to.y()));
        double[] h = Marks.arrowHead(from, to, r);
        Path2D head = new Path2D.Double();
        head.moveTo(h[0], h[1]);
        head.lineTo(h[2], h[3]);
        head.lineTo(h[4], h[5]);
        head.closePath();
        g.fill(head);
    }

    private static void label(Graphics2D g, Point at, int r, int number) {
        g.drawString(Integer.toString(number), Math.round(at.x() + r * 1.1f), Math.round(at.y() - r * 1.1f));
    }
}
