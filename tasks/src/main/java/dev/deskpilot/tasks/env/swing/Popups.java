package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import java.awt.Color;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLayeredPane;

/**
 * Popups inside the window (drop-down options, menus): rows on a popup layer above a transparent
 * scrim that closes them when anything else is pressed, since a headless JVM cannot open the
 * windows Swing's own popups are.
 */
final class Popups {
    private final JLayeredPane pane;
    private final Look look;
    private final List<JComponent> popups = new ArrayList<>();

    Popups(JLayeredPane pane, Look look) {
        this.pane = pane;
        this.look = look;
    }

    /** Shows popup rows over the window, with a transparent scrim below them that closes them when clicked. */
    void open(List<JComponent> rows, Rect frame) {
        close();
        Painted scrim = new Painted((g, c) -> {});
        scrim.setBounds(0, 0, pane.getWidth(), pane.getHeight());
        scrim.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                close();
            }
        });
        pane.add(scrim, Integer.valueOf(AppContext.POPUP_LAYER), 0);
        popups.add(scrim);
        add(rows, frame);
    }

    /** Adds one more panel of popup rows (a submenu) over what is open. */
    void add(List<JComponent> rows, Rect frame) {
        Painted shadow = new Painted((g, c) -> {
            g.setColor(new Color(0, 0, 0, 40));
            g.fillRect(3, 3, c.getWidth() - 3, c.getHeight() - 3);
            g.setColor(look.surface);
            g.fillRect(0, 0, c.getWidth() - 3, c.getHeight() - 3);
            g.setColor(look.border);
            g.drawRect(0, 0, c.getWidth() - 4, c.getHeight() - 4);
        });
        shadow.setBounds(frame.x() - 1, frame.y() - 1, frame.width() + 5, frame.height() + 5);
        pane.add(shadow, Integer.valueOf(AppContext.POPUP_LAYER), 0);
        popups.add(shadow);
        for (JComponent row : rows) {
            pane.add(row, Integer.valueOf(AppContext.POPUP_LAYER), 0);
            popups.add(row);
        }
        pane.repaint();
    }

    void close() {
        for (JComponent c : popups) {
            pane.remove(c);
        }
        popups.clear();
        pane.repaint();
    }
}
