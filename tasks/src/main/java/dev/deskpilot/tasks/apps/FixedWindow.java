package dev.deskpilot.tasks.apps;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.swing.EventThread;
import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.Graphics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.WindowConstants;

/**
 * A built-in app's window: undecorated, at a fixed place and size on screen, so that a point in the
 * content is the same screen point on every run. Without a window manager (a bare Xvfb) X maps the
 * window exactly there; a window manager might move it, which is why apps are run without one.
 */
final class FixedWindow {
    private final JFrame frame;

    private FixedWindow(JFrame frame) {
        this.frame = frame;
    }

    /**
     * Shows {@code content} in a window covering {@code bounds} and waits until it has been painted
     * once, so that the first screenshot shows the app. Called on the event dispatch thread it cannot
     * wait for the paint (which happens on that thread) and returns right after showing.
     */
    static FixedWindow show(String title, JComponent content, Rect bounds, Duration timeout) {
        CountDownLatch painted = new CountDownLatch(1);
        JFrame frame = EventThread.call(() -> {
            JFrame f = new JFrame(title);
            f.setUndecorated(true);
            f.setResizable(false);
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            JPanel pane = new JPanel(new BorderLayout()) {
                private static final long serialVersionUID = 1L;

                @Override
                public void paint(Graphics g) {
                    super.paint(g);
                    painted.countDown();
                }
            };
            pane.add(content, BorderLayout.CENTER);
            f.setContentPane(pane);
            f.setBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height());
            f.setVisible(true);
            f.toFront();
            return f;
        });
        if (EventQueue.isDispatchThread()) {
            return new FixedWindow(frame);
        }
        try {
            if (!painted.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                EventThread.run(frame::dispose);
                throw new IllegalStateException(
                        "window '" + title + "' was not painted within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            EventThread.run(frame::dispose);
            throw new IllegalStateException("interrupted while waiting for window '" + title + "' to show", e);
        }
        return new FixedWindow(frame);
    }

    void close() {
        EventThread.run(frame::dispose);
    }
}
