package dev.deskpilot.tasks.env.swing;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.function.BiConsumer;
import javax.swing.JComponent;

/** A component that draws itself with one function, in its own pixels, with smooth rendering. */
class Painted extends JComponent {
    private static final long serialVersionUID = 1L;

    private transient BiConsumer<Graphics2D, Painted> painter;

    Painted(BiConsumer<Graphics2D, Painted> painter) {
        this.painter = painter;
        setFocusable(false);
    }

    void painter(BiConsumer<Graphics2D, Painted> painter) {
        this.painter = painter;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = Look.smooth(g);
        try {
            painter.accept(g2, this);
        } finally {
            g2.dispose();
        }
    }
}
