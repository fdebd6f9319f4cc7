package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.SliderGeometry;
import dev.deskpilot.tasks.env.Widget;
import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;

/** Sliders drawn and driven by {@link SliderGeometry}, with their value beside them. */
final class Sliders {
    private Sliders() {}

    static JComponent build(AppContext ctx, Widget.Slider spec) {
        int[] value = {spec.value()};
        ctx.model.set(spec.id(), String.valueOf(value[0]));
        Rect b = spec.bounds();
        SliderGeometry geo = SliderGeometry.of(spec);
        int r = SliderGeometry.THUMB_RADIUS;
        Painted p = new Painted((g, c) -> {
            int x0 = geo.x0() - b.x();
            int x1 = geo.x1() - b.x();
            int cy = geo.y() - b.y();
            int tx = geo.xOf(value[0]) - b.x();
            g.setColor(Look.mix(ctx.look.window, ctx.look.text, 0.2));
            g.fillRoundRect(x0, cy - 2, x1 - x0, 4, 4, 4);
            g.setColor(ctx.look.accent);
            g.fillRoundRect(x0, cy - 2, tx - x0, 4, 4, 4);
            g.setColor(ctx.look.field);
            g.fillOval(tx - r, cy - r, 2 * r, 2 * r);
            g.setColor(ctx.look.accent);
            g.setStroke(new BasicStroke(2.5f));
            g.drawOval(tx - r + 1, cy - r + 1, 2 * r - 2, 2 * r - 2);
            g.setColor(ctx.look.text);
            g.setFont(ctx.look.font(ctx.scene.theme().fontSize(), true));
            String text = String.valueOf(value[0]);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(text, c.getWidth() - SliderGeometry.VALUE_BOX + 10, cy - fm.getHeight() / 2 + fm.getAscent());
        });
        Painted thumb = new Painted((g, c) -> {});
        MouseAdapter mouse = new MouseAdapter() {
            private int grab;

            private void set(int x) {
                if (!ctx.model.frozen()) {
                    value[0] = geo.valueAt(x);
                    ctx.model.set(spec.id(), String.valueOf(value[0]));
                    thumb.setLocation(geo.xOf(value[0]) - b.x() - r, geo.y() - b.y() - r);
                    p.repaint();
                }
            }

            @Override
            public void mousePressed(MouseEvent e) {
                int x = e.getX() + b.x();
                int tx = geo.xOf(value[0]);
                // Pressed on the thumb: keep the hand's offset from its middle (none within 2 px of it,
                // so a press aimed at the middle is the middle); pressed on the track: jump there.
                grab = Math.abs(x - tx) <= r + 2 && Math.abs(x - tx) > 2 ? x - tx : 0;
                if (x - grab != tx) {
                    set(x - grab);
                }
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                set(e.getX() + b.x() - grab);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                // The X server may merge the last moves of a fast drag; the release is where it ended.
                set(e.getX() + b.x() - grab);
            }
        };
        p.addMouseListener(mouse);
        p.addMouseMotionListener(mouse);
        // The thumb is a locatable part that follows the value; it takes no input itself.
        thumb.setBounds(geo.xOf(value[0]) - b.x() - r, geo.y() - b.y() - r, 2 * r, 2 * r);
        p.setLayout(null);
        p.add(thumb);
        ctx.register(spec.id(), p);
        ctx.register(spec.id() + "#thumb", thumb);
        return ctx.at(p, spec.bounds());
    }
}
