package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Widget;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;

/** A menu bar whose menus and submenus open as popup rows; a leaf ends the task. */
final class Menus {
    private Menus() {}

    static List<JComponent> build(AppContext ctx, Widget.MenuBar spec) {
        List<JComponent> all = new ArrayList<>();
        Painted bar = new Painted((g, c) -> {
            g.setColor(Look.mix(ctx.look.window, ctx.look.text, 0.05));
            g.fillRect(0, 0, c.getWidth(), c.getHeight());
            g.setColor(ctx.look.border);
            g.fillRect(0, c.getHeight() - 1, c.getWidth(), 1);
        });
        ctx.register(spec.id(), ctx.at(bar, spec.bounds()));
        all.add(bar);
        for (Widget.Menu menu : spec.menus()) {
            Painted title = new Painted((g, c) -> {
                g.setColor(ctx.look.text);
                g.setFont(ctx.look.font(ctx.scene.theme().fontSize(), false));
                Look.textCentered(g, menu.title(), c.getWidth(), c.getHeight());
            });
            Clicks.onClick(title, () -> {
                if (!ctx.model.frozen()) {
                    Rect at = new Rect(
                            menu.bounds().x(), spec.bounds().y() + spec.bounds().height(), spec.itemWidth(), 0);
                    ctx.popups.open(menuRows(ctx, spec, menu.items(), at), frameOf(spec, menu.items(), at));
                }
            });
            ctx.register(menu.id(), ctx.at(title, menu.bounds()));
            all.add(title);
        }
        return all;
    }

    private static Rect frameOf(Widget.MenuBar spec, List<Widget.MenuItem> items, Rect at) {
        return new Rect(at.x(), at.y(), spec.itemWidth(), spec.itemHeight() * items.size());
    }

    private static List<JComponent> menuRows(
            AppContext ctx, Widget.MenuBar spec, List<Widget.MenuItem> items, Rect at) {
        List<JComponent> rows = new ArrayList<>();
        int h = spec.itemHeight();
        for (int i = 0; i < items.size(); i++) {
            Widget.MenuItem item = items.get(i);
            boolean sub = !item.submenu().isEmpty();
            Painted row = new Painted((g, c) -> {
                g.setColor(ctx.look.surface);
                g.fillRect(0, 0, c.getWidth(), c.getHeight());
                g.setColor(ctx.look.text);
                g.setFont(ctx.look.font(ctx.scene.theme().fontSize(), false));
                Look.textLeft(g, Look.fit(g.getFontMetrics(), item.label(), c.getWidth() - 40), 14, c.getHeight());
                if (sub) {
                    int ax = c.getWidth() - 16;
                    int ay = c.getHeight() / 2;
                    g.fillPolygon(new int[] {ax - 3, ax - 3, ax + 3}, new int[] {ay - 5, ay + 5, ay}, 3);
                }
            });
            int y = at.y() + i * h;
            row.setBounds(at.x(), y, spec.itemWidth(), h);
            Clicks.onClick(row, () -> {
                if (ctx.model.frozen()) {
                    return;
                }
                if (sub) {
                    // Opens to the right, over whatever submenu was open: menus here are two levels deep.
                    Rect next = new Rect(at.x() + spec.itemWidth() - 4, y, spec.itemWidth(), 0);
                    ctx.popups.add(menuRows(ctx, spec, item.submenu(), next), frameOf(spec, item.submenu(), next));
                } else {
                    ctx.popups.close();
                    ctx.model.commit(item.id());
                }
            });
            ctx.register(item.id(), row);
            rows.add(row);
        }
        return rows;
    }
}
