package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;
import dev.deskpilot.actions.swing.EventThread;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;
import javax.swing.JComponent;

/**
 * A screen that is a Swing component painted into an image in this process: no X server, about a
 * millisecond per 1280×800 frame. The component stands for the whole screen; pair it with actions'
 * {@code VirtualExecutor} on the same component to act on what is shown. Works in a headless JVM.
 *
 * <p>A component without a window has no native peer, and {@code validate()} lays nothing out
 * without one, so {@link #of} gives the root a lightweight peer with {@code addNotify()} first.
 * Every capture re-validates before painting, so widgets changed since the last frame are laid out
 * again. Frames are fresh {@code TYPE_INT_RGB} images that later captures never touch.
 *
 * <p>Pitfall: once the root has its lightweight peer, adding a mouse listener to the root itself
 * throws a {@code NullPointerException} inside AWT (it asks the missing parent to enable events);
 * put listeners on the root's children.
 */
public final class VirtualScreen implements Screen {
    private final JComponent root;
    private final Size size;

    private VirtualScreen(JComponent root, Size size) {
        this.root = root;
        this.size = size;
    }

    /**
     * A screen showing {@code root}, which is sized to {@code size} and placed at (0,0).
     *
     * @throws IllegalArgumentException if {@code root} already sits inside another container: then
     *     its parent, not this screen, decides where it is
     */
    public static VirtualScreen of(JComponent root, Size size) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(size, "size");
        if (root.getParent() != null) {
            throw new IllegalArgumentException("a virtual screen's root must have no parent, but it is inside a "
                    + root.getParent().getClass().getSimpleName());
        }
        EventThread.run(() -> {
            root.setBounds(0, 0, size.width(), size.height());
            if (!root.isDisplayable()) {
                root.addNotify();
            }
            root.validate();
        });
        return new VirtualScreen(root, size);
    }

    /** The component this screen shows. */
    public JComponent root() {
        return root;
    }

    @Override
    public Frame capture() {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        EventThread.run(() -> {
            root.validate();
            Graphics2D g = image.createGraphics();
            try {
                root.paint(g);
            } finally {
                g.dispose();
            }
        });
        return new Frame(image, Instant.now());
    }

    @Override
    public Size size() {
        return size;
    }
}
