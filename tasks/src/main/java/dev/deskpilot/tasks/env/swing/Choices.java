package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.tasks.env.Widget;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;

/** Check boxes and radio buttons, drawn with the theme; keeps which radio of each group is chosen. */
final class Choices {
    private final AppContext ctx;
    private final Map<String, List<Painted>> radioGroups = new HashMap<>();
    private final Map<String, String> radioChoice = new HashMap<>();

    Choices(AppContext ctx) {
        this.ctx = ctx;
    }

    /** The radio groups met so far. */
    Iterable<String> groups() {
        return radioGroups.keySet();
    }

    JComponent checkBox(Widget.CheckBox spec) {
        boolean[] checked = {spec.checked()};
        ctx.model.set(spec.id(), String.valueOf(checked[0]));
        Painted p = new Painted((g, c) -> paintCheck(g, c, spec.label(), checked[0], false));
        Clicks.onClick(p, () -> {
            if (!ctx.model.frozen()) {
                checked[0] = !checked[0];
                ctx.model.set(spec.id(), String.valueOf(checked[0]));
                p.repaint();
            }
        });
        ctx.register(spec.id(), p);
        return ctx.at(p, spec.bounds());
    }

    JComponent radio(Widget.Radio spec) {
        if (spec.selected()) {
            radioChoice.put(spec.group(), spec.id());
        }
        Painted p = new Painted(
                (g, c) -> paintCheck(g, c, spec.label(), spec.id().equals(radioChoice.get(spec.group())), true));
        Clicks.onClick(p, () -> {
            if (!ctx.model.frozen()) {
                radioChoice.put(spec.group(), spec.id());
                ctx.model.set(spec.group(), spec.id());
                radioGroups.get(spec.group()).forEach(JComponent::repaint);
            }
        });
        radioGroups.computeIfAbsent(spec.group(), k -> new ArrayList<>()).add(p);
        ctx.register(spec.id(), p);
        return ctx.at(p, spec.bounds());
    }

    String selectedRadio(String group) {
        return radioChoice.getOrDefault(group, "");
    }

    private void paintCheck(Graphics2D g, JComponent c, String label, boolean on, boolean round) {
        int size = ctx.scene.theme().fontSize();
        int box = Math.min(c.getHeight() - 4, size + 4);
        int y = (c.getHeight() - box) / 2;
        int r = round ? box : Math.min(ctx.scene.theme().radius(), box / 3) * 2;
        g.setColor(on ? ctx.look.accent : ctx.look.field);
        if (round) {
            g.setColor(ctx.look.field);
        }
        g.fillRoundRect(0, y, box, box, r, r);
        g.setColor(on ? ctx.look.accent : ctx.look.border);
        g.setStroke(new BasicStroke(round && on ? 2f : 1.3f));
        g.drawRoundRect(0, y, box - 1, box - 1, r, r);
        if (on && round) {
            int dot = box / 2;
            g.fillOval((box - dot) / 2, y + (box - dot) / 2, dot, dot);
        } else if (on) {
            g.setColor(ctx.look.onAccent);
            g.setStroke(new BasicStroke(Math.max(2f, box / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawPolyline(
                    new int[] {box / 4, box * 5 / 12, box * 3 / 4},
                    new int[] {y + box / 2, y + box * 2 / 3, y + box / 3},
                    3);
        }
        g.setColor(ctx.look.text);
        g.setFont(ctx.look.font(size, false));
        Look.textLeft(g, Look.fit(g.getFontMetrics(), label, c.getWidth() - box - 10), box + 8, c.getHeight());
    }
}
