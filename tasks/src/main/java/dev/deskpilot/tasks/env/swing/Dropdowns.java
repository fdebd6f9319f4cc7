package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Widget;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;

/** Drop-downs: a box showing the choice, and rows of options on the popup layer when clicked. */
final class Dropdowns {
    private Dropdowns() {}

    static JComponent build(AppContext ctx, Widget.Dropdown spec) {
        int[] chosen = {spec.selected()};
        ctx.model.set(spec.id(), chosen[0] < 0 ? "" : spec.options().get(chosen[0]));
        int size = Math.min(ctx.scene.theme().fontSize(), spec.bounds().height() - 10);
        Painted box = new Painted((g, c) -> {
            ctx.look.paintFieldBox(g, c.getWidth(), c.getHeight(), false);
            g.setFont(ctx.look.font(size, false));
            boolean none = chosen[0] < 0;
            g.setColor(none ? ctx.look.muted : ctx.look.text);
            String shown = none ? spec.placeholder() : spec.options().get(chosen[0]);
            Look.textLeft(g, Look.fit(g.getFontMetrics(), shown, c.getWidth() - 40), 10, c.getHeight());
            int ax = c.getWidth() - 20;
            int ay = c.getHeight() / 2;
            g.setColor(ctx.look.text);
            g.fillPolygon(new int[] {ax - 5, ax + 5, ax}, new int[] {ay - 3, ay - 3, ay + 3}, 3);
        });
        Clicks.onClick(box, () -> {
            if (ctx.model.frozen()) {
                return;
            }
            Rect b = spec.bounds();
            int h = b.height();
            int total = h * spec.options().size();
            int y = popupY(b, total, ctx.scene.window().height());
            List<JComponent> rows = new ArrayList<>();
            for (int i = 0; i < spec.options().size(); i++) {
                int index = i;
                String option = spec.options().get(i);
                Painted row = new Painted((g, c) -> {
                    g.setColor(index == chosen[0] ? ctx.look.accentSoft() : ctx.look.surface);
                    g.fillRect(0, 0, c.getWidth(), c.getHeight());
                    g.setColor(ctx.look.text);
                    g.setFont(ctx.look.font(size, false));
                    Look.textLeft(g, Look.fit(g.getFontMetrics(), option, c.getWidth() - 20), 10, c.getHeight());
                });
                Clicks.onClick(row, () -> {
                    chosen[0] = index;
                    ctx.model.set(spec.id(), option);
                    ctx.popups.close();
                    box.repaint();
                });
                row.setBounds(b.x(), y + i * h, b.width(), h);
                ctx.register(spec.id() + "/" + i, row);
                rows.add(row);
            }
            ctx.popups.open(rows, new Rect(b.x(), y, b.width(), total));
        });
        ctx.register(spec.id(), box);
        return ctx.at(box, spec.bounds());
    }

    /**
     * Where the options go: below the box if they fit, else above it, else as low as they fit in
     * the window (over the box, as native drop-downs do). The web page follows the same rule.
     */
    static int popupY(Rect box, int total, int windowHeight) {
        if (box.y() + box.height() + total <= windowHeight) {
            return box.y() + box.height();
        }
        if (box.y() - total >= 0) {
            return box.y() - total;
        }
        return Math.max(0, windowHeight - total);
    }
}
