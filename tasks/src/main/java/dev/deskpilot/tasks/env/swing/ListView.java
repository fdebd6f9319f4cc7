package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.tasks.env.Widget;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.swing.JComponent;

/**
 * A list of rows that scrolls with the wheel, one row a notch. Rows are components of their own
 * (so each can be located and clicked) inside a content strip that moves up and down; the list
 * clips it and draws a scroll bar when not everything fits.
 */
final class ListView extends Painted {
    private static final long serialVersionUID = 1L;
    static final int SCROLLBAR = 8;

    private final transient Look look;
    private final Widget.ListBox spec;
    private final JComponent content = new Painted((g, c) -> {});
    private final List<Painted> rows = new ArrayList<>();
    private int offset;
    private int selected;

    ListView(Look look, Widget.ListBox spec, BiConsumer<Integer, String> onRow) {
        super((g, c) -> {});
        this.look = look;
        this.spec = spec;
        this.selected = spec.selected();
        int w = spec.bounds().width();
        int rh = spec.rowHeight();
        content.setLayout(null);
        content.setBounds(1, 1, w - 2, rh * spec.items().size());
        add(content);
        for (int i = 0; i < spec.items().size(); i++) {
            int index = i;
            String item = spec.items().get(i);
            Painted row = new Painted((g, c) -> {
                boolean chosen = index == selected;
                if (chosen) {
                    g.setColor(look.accent);
                    g.fillRect(0, 0, c.getWidth(), c.getHeight());
                } else if (index % 2 == 1) {
                    g.setColor(Look.mix(look.field, look.text, 0.035));
                    g.fillRect(0, 0, c.getWidth(), c.getHeight());
                }
                g.setColor(chosen ? look.onAccent : look.text);
                g.setFont(look.font());
                Look.textLeft(g, Look.fit(g.getFontMetrics(), item, c.getWidth() - 16), 10, c.getHeight());
                g.setColor(Look.mix(look.field, look.text, 0.1));
                g.fillRect(0, c.getHeight() - 1, c.getWidth(), 1);
            });
            row.setBounds(0, i * rh, w - 2 - SCROLLBAR, rh);
            Clicks.onClick(row, () -> onRow.accept(index, item));
            content.add(row);
            rows.add(row);
        }
        painter((g, c) -> look.paintFieldBox(g, c.getWidth(), c.getHeight(), false));
        addMouseWheelListener(e -> scrollBy(e.getWheelRotation() * rh));
    }

    List<Painted> rows() {
        return rows;
    }

    void select(int index) {
        selected = index;
        repaint();
    }

    private int maxOffset() {
        return Math.max(0, content.getHeight() - (getHeight() - 2));
    }

    private void scrollBy(int pixels) {
        offset = Math.max(0, Math.min(maxOffset(), offset + pixels));
        content.setLocation(1, 1 - offset);
        repaint();
    }

    @Override
    protected void paintChildren(Graphics g) {
        super.paintChildren(g);
        if (maxOffset() > 0) {
            Graphics2D g2 = Look.smooth(g);
            try {
                int track = getHeight() - 4;
                int thumb = Math.max(16, track * (getHeight() - 2) / content.getHeight());
                int y = 2 + (track - thumb) * offset / maxOffset();
                g2.setColor(Look.mix(look.field, look.text, 0.08));
                g2.fillRect(getWidth() - SCROLLBAR - 2, 2, SCROLLBAR, track);
                g2.setColor(Look.mix(look.field, look.text, 0.4));
                g2.fillRoundRect(getWidth() - SCROLLBAR - 1, y, SCROLLBAR - 2, thumb, 6, 6);
            } finally {
                g2.dispose();
            }
        }
    }

    @Override
    public boolean isOptimizedDrawingEnabled() {
        return false;
    }
}
