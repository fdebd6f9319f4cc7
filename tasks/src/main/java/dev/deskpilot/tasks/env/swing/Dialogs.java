package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.tasks.env.Widget;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.event.MouseAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.swing.JComponent;

/** Modal dialogs: a dimmed scrim that swallows clicks, a box with title and message, and its buttons. */
final class Dialogs {
    private Dialogs() {}

    static List<JComponent> build(AppContext ctx, Widget.Dialog spec, Function<Widget.Button, JComponent> button) {
        List<JComponent> all = new ArrayList<>();
        Painted scrim = new Painted((g, c) -> {
            g.setColor(new Color(0, 0, 0, 96));
            g.fillRect(0, 0, c.getWidth(), c.getHeight());
        });
        scrim.addMouseListener(new MouseAdapter() {}); // modal: clicks beside the dialog reach nothing
        scrim.setBounds(0, 0, ctx.scene.window().width(), ctx.scene.window().height());
        ctx.pane.add(scrim, Integer.valueOf(AppContext.MODAL_LAYER), 0);
        all.add(scrim);
        int size = ctx.scene.theme().fontSize();
        Painted box = new Painted((g, c) -> {
            int r = ctx.scene.theme().radius() * 2;
            g.setColor(new Color(0, 0, 0, 60));
            g.fillRoundRect(4, 6, c.getWidth() - 4, c.getHeight() - 6, r, r);
            g.setColor(ctx.look.surface);
            g.fillRoundRect(0, 0, c.getWidth() - 4, c.getHeight() - 6, r, r);
            g.setColor(ctx.look.border);
            g.drawRoundRect(0, 0, c.getWidth() - 5, c.getHeight() - 7, r, r);
            g.setColor(ctx.look.text);
            g.setFont(ctx.look.font(size + 3, true));
            FontMetrics tm = g.getFontMetrics();
            g.drawString(spec.title(), 20, 16 + tm.getAscent());
            g.setFont(ctx.look.font(size, false));
            FontMetrics fm = g.getFontMetrics();
            int y = 16 + tm.getHeight() + 14 + fm.getAscent();
            for (String line : wrap(fm, spec.message(), c.getWidth() - 44)) {
                g.drawString(line, 20, y);
                y += fm.getHeight() + 2;
            }
        });
        ctx.register(spec.id(), ctx.at(box, spec.bounds()));
        ctx.pane.add(box, Integer.valueOf(AppContext.MODAL_LAYER), 0);
        all.add(box);
        for (Widget.Button b : spec.buttons()) {
            JComponent view = button.apply(b);
            ctx.pane.add(view, Integer.valueOf(AppContext.MODAL_LAYER), 0);
            all.add(view);
        }
        return all;
    }

    static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(next) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
