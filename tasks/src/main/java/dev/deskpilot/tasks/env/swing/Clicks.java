package dev.deskpilot.tasks.env.swing;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;

/**
 * Click handling as push buttons do it: the action runs when the left button is released over the
 * component it was pressed on, so a press that slides off does nothing.
 */
final class Clicks {
    private Clicks() {}

    static void onClick(JComponent c, Runnable action) {
        onClickAt(c, point -> action.run());
    }

    /** Like {@link #onClick}, handing the action the point released at, in the component's pixels. */
    static void onClickAt(JComponent c, java.util.function.Consumer<java.awt.Point> action) {
        c.addMouseListener(new MouseAdapter() {
            private boolean pressed;

            @Override
            public void mousePressed(MouseEvent e) {
                pressed = e.getButton() == MouseEvent.BUTTON1;
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                boolean inside = e.getX() >= 0 && e.getY() >= 0 && e.getX() < c.getWidth() && e.getY() < c.getHeight();
                if (pressed && e.getButton() == MouseEvent.BUTTON1 && inside) {
                    pressed = false;
                    action.accept(e.getPoint());
                }
                pressed = false;
            }
        });
    }
}
