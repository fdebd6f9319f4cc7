package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Widget;
import java.awt.BasicStroke;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import javax.swing.JLayeredPane;
import javax.swing.SwingUtilities;

/** Items that can be dragged, and the zones they can be dropped on; a drop ends the task. */
final class Drags {
    private Drags() {}

    static JComponent item(AppContext ctx, Widget.DragItem spec) {
        Painted chip = new Painted((g, c) -> {
            int r = ctx.scene.theme().radius() * 2;
            g.setColor(ctx.look.surface);
            g.fillRoundRect(0, 0, c.getWidth() - 1, c.getHeight() - 1, r, r);
            g.setColor(ctx.look.border);
            g.drawRoundRect(0, 0, c.getWidth() - 1, c.getHeight() - 1, r, r);
            g.setColor(ctx.look.muted);
            for (int i = 0; i < 3; i++) {
                g.fillRect(8, c.getHeight() / 2 - 6 + i * 5, 8, 2);
            }
            g.setColor(ctx.look.text);
            g.setFont(ctx.look.font(ctx.scene.theme().fontSize(), false));
            Look.textLeft(g, Look.fit(g.getFontMetrics(), spec.label(), c.getWidth() - 34), 24, c.getHeight());
        });
        Rect home = spec.bounds();
        MouseAdapter drag = new MouseAdapter() {
            private Point grab;

            @Override
            public void mousePressed(MouseEvent e) {
                if (ctx.model.frozen() || e.getButton() != MouseEvent.BUTTON1) {
                    return;
                }
                grab = e.getPoint();
                ctx.pane.setLayer(chip, AppContext.DRAG_LAYER, 0);
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (grab != null) {
                    Point p = SwingUtilities.convertPoint(chip, e.getPoint(), ctx.pane);
                    chip.setLocation(p.x - grab.x, p.y - grab.y);
                    ctx.pane.repaint();
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (grab == null) {
                    return;
                }
                grab = null;
                Point p = SwingUtilities.convertPoint(chip, e.getPoint(), ctx.pane);
                chip.setLocation(home.x(), home.y());
                ctx.pane.setLayer(chip, JLayeredPane.DEFAULT_LAYER, 0);
                ctx.pane.repaint();
                for (Widget w : dev.deskpilot.tasks.env.Scenes.all(ctx.scene)) {
                    if (w instanceof Widget.DropZone z
                            && new Rectangle(
                                            z.bounds().x(),
                                            z.bounds().y(),
                                            z.bounds().width(),
                                            z.bounds().height())
                                    .contains(p)) {
                        ctx.model.commit(spec.id() + "@" + z.id());
                        return;
                    }
                }
            }
        };
        chip.addMouseListener(drag);
        chip.addMouseMotionListener(drag);
        ctx.register(spec.id(), chip);
        return ctx.at(chip, spec.bounds());
    }

    static JComponent zone(AppContext ctx, Widget.DropZone spec) {
        Painted zone = new Painted((g, c) -> {
            int r = ctx.scene.theme().radius() * 2;
            g.setColor(ctx.look.accentSoft());
            g.fillRoundRect(0, 0, c.getWidth() - 1, c.getHeight() - 1, r, r);
            g.setColor(ctx.look.accent);
            g.setStroke(
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawRoundRect(1, 1, c.getWidth() - 3, c.getHeight() - 3, r, r);
            g.setColor(ctx.look.text);
            g.setFont(ctx.look.font(ctx.scene.theme().fontSize(), true));
            Look.textCentered(g, spec.label(), c.getWidth(), c.getHeight());
        });
        ctx.register(spec.id(), zone);
        return ctx.at(zone, spec.bounds());
    }
}
