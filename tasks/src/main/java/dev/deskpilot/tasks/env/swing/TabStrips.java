package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.tasks.env.Widget;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.swing.JComponent;

/** A tab strip whose handles show one tab's widgets at a time, in four styles by theme. */
final class TabStrips {
    private TabStrips() {}

    static List<JComponent> build(AppContext ctx, Widget.Tabs spec, Function<Widget, List<JComponent>> content) {
        List<JComponent> all = new ArrayList<>();
        List<List<JComponent>> contents = new ArrayList<>();
        int[] shown = {spec.selected()};
        Painted strip = new Painted((g, c) -> {
            g.setColor(ctx.look.border);
            g.fillRect(0, c.getHeight() - 1, c.getWidth(), 1);
        });
        ctx.register(spec.id(), ctx.at(strip, spec.bounds()));
        all.add(strip);
        for (Widget.Tab tab : spec.tabs()) {
            contents.add(new ArrayList<>());
        }
        List<Painted> handles = new ArrayList<>();
        for (int i = 0; i < spec.tabs().size(); i++) {
            int index = i;
            Widget.Tab tab = spec.tabs().get(i);
            Painted handle = new Painted((g, c) -> paintTab(ctx, g, c, tab.title(), index == shown[0]));
            Clicks.onClick(handle, () -> {
                if (ctx.model.frozen()) {
                    return;
                }
                shown[0] = index;
                ctx.model.set(spec.id(), tab.id());
                for (int k = 0; k < contents.size(); k++) {
                    for (JComponent c : contents.get(k)) {
                        c.setVisible(k == index);
                    }
                }
                handles.forEach(JComponent::repaint);
                ctx.pane.repaint();
            });
            handles.add(handle);
            ctx.register(tab.id(), ctx.at(handle, tab.bounds()));
            all.add(handle);
        }
        for (int i = 0; i < spec.tabs().size(); i++) {
            for (Widget w : spec.tabs().get(i).content()) {
                List<JComponent> built = content.apply(w);
                for (JComponent c : built) {
                    c.setVisible(i == shown[0]);
                }
                contents.get(i).addAll(built);
            }
        }
        ctx.model.set(spec.id(), spec.tabs().get(spec.selected()).id());
        return all;
    }

    private static void paintTab(AppContext ctx, Graphics2D g, JComponent c, String title, boolean on) {
        int w = c.getWidth();
        int h = c.getHeight();
        int r = ctx.scene.theme().radius() * 2;
        g.setFont(ctx.look.font(ctx.scene.theme().fontSize(), on));
        switch (ctx.scene.theme().buttonStyle()) {
            case FILLED, PILL -> {
                if (on) {
                    g.setColor(ctx.look.accent);
                    g.fillRoundRect(2, 3, w - 4, h - 6, ctx.look.radius(h - 6), ctx.look.radius(h - 6));
                }
                g.setColor(on ? ctx.look.onAccent : ctx.look.text);
            }
            case OUTLINE, FLAT -> {
                if (on) {
                    g.setColor(ctx.look.accent);
                    g.fillRect(0, h - 3, w, 3);
                }
                g.setColor(on ? ctx.look.accent : ctx.look.muted);
            }
            case BEVEL -> {
                g.setColor(on ? ctx.look.window : Look.mix(ctx.look.window, ctx.look.text, 0.08));
                g.fillRoundRect(0, 0, w, h + r, r, r);
                g.setColor(ctx.look.border);
                g.drawRoundRect(0, 0, w - 1, h + r, r, r);
                if (on) {
                    g.setColor(ctx.look.window);
                    g.fillRect(1, h - 1, w - 2, 1);
                }
                g.setColor(ctx.look.text);
            }
        }
        Look.textCentered(g, title, w, h);
    }
}
