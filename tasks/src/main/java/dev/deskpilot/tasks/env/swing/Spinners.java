package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Widget;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;

/** Number fields with up and down arrows; the field can be typed in too. */
final class Spinners {
    private Spinners() {}

    static List<JComponent> build(AppContext ctx, Widget.Spinner spec) {
        Rect b = spec.bounds();
        int arrows = Math.max(18, b.height() * 2 / 3);
        int size = Math.min(ctx.scene.theme().fontSize(), b.height() - 10);
        FieldView[] field = new FieldView[1];
        field[0] = new FieldView(ctx.look, "", String.valueOf(spec.value()), false, size, () -> {
            if (field[0] != null) {
                ctx.model.set(spec.id(), field[0].value().strip());
            }
        });
        ctx.model.set(spec.id(), String.valueOf(spec.value()));
        ctx.at(field[0], new Rect(b.x(), b.y(), b.width() - arrows, b.height()));
        List<JComponent> all = new ArrayList<>(List.of(field[0]));
        for (int dir : new int[] {1, -1}) {
            int h = dir > 0 ? b.height() / 2 : b.height() - b.height() / 2;
            int y = dir > 0 ? b.y() : b.y() + b.height() / 2;
            Painted arrow = new Painted((g, c) -> {
                g.setColor(Look.mix(ctx.look.window, ctx.look.text, 0.1));
                g.fillRect(0, 0, c.getWidth(), c.getHeight());
                g.setColor(ctx.look.border);
                g.drawRect(0, 0, c.getWidth() - 1, c.getHeight() - 1);
                g.setColor(ctx.look.text);
                int ax = c.getWidth() / 2;
                int ay = c.getHeight() / 2;
                g.fillPolygon(
                        new int[] {ax - 5, ax + 5, ax},
                        dir > 0 ? new int[] {ay + 3, ay + 3, ay - 3} : new int[] {ay - 3, ay - 3, ay + 3},
                        3);
            });
            Clicks.onClick(arrow, () -> {
                if (ctx.model.frozen()) {
                    return;
                }
                int v;
                try {
                    v = Integer.parseInt(field[0].value().strip());
                } catch (NumberFormatException e) {
                    v = spec.value();
                }
                field[0].setText(String.valueOf(Math.max(spec.min(), Math.min(spec.max(), v + dir))));
            });
            ctx.register(
                    spec.id() + (dir > 0 ? "#up" : "#down"),
                    ctx.at(arrow, new Rect(b.x() + b.width() - arrows, y, arrows, h)));
            all.add(arrow);
        }
        ctx.register(spec.id(), field[0]);
        return all;
    }
}
