package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.actions.Size;
import dev.deskpilot.actions.swing.EventThread;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.perception.Settle;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Instance;
import java.awt.Toolkit;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/**
 * The real-window backend: each instance's Swing app fills an undecorated window at (0,0) on the
 * X display this JVM is connected to (normally a private Xvfb without a window manager, so the
 * window is exactly where it was put), captured by {@link RobotScreen} and driven by {@link
 * RobotExecutor} with real input events. The same app classes as {@link VirtualEnvironment}, so
 * the same instance shows the same widgets at the same pixels.
 *
 * <p>After each action it waits until the action's input events have come back from the X server
 * and been handled (an {@link InputWitness} counts them), then until the screen has been still for
 * {@link #SETTLE}.
 */
public final class WindowEnvironment implements Environment {
    /**
     * After the input has arrived and been handled, the screen must stay still this long: Swing
     * paints on the event thread soon after, and the X server shows it a moment later.
     */
    static final Settle SETTLE = new Settle(Duration.ofMillis(30), Duration.ofMillis(10));

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(2);

    /** The most to wait for an action's input events to come back from the X server. */
    private static final Duration INPUT_TIMEOUT = Duration.ofSeconds(2);

    private final RobotScreen screen;
    private final RobotExecutor executor;
    private final JFrame frame;
    private final InputWitness witness;
    private SwingApp app;

    private WindowEnvironment(RobotScreen screen, RobotExecutor executor, JFrame frame) {
        this.screen = screen;
        this.executor = executor;
        this.frame = frame;
        this.witness = EventThread.call(InputWitness::install);
    }

    /**
     * Opens the backend on a private Xvfb of {@code size} (started if this JVM has no display yet)
     * with one full-screen window.
     *
     * @throws IOException if Xvfb cannot be started
     * @throws ActionFailedException if no input can be sent to the display
     */
    public static WindowEnvironment open(Size size) throws IOException, ActionFailedException {
        String display = Displays.ensurePrivateXvfb(size);
        RobotScreen screen = RobotScreen.open();
        if (!screen.size().equals(size)) {
            throw new IllegalStateException(
                    "display " + display + " is " + screen.size() + ", but the scenes need " + size);
        }
        RobotExecutor executor =
                RobotExecutor.open(display, RobotExecutor.Settings.DEFAULT.withWaitPause(Duration.ofMillis(100)));
        JFrame frame = EventThread.call(() -> {
            JFrame f = new JFrame("deskpilot environment");
            f.setUndecorated(true);
            f.setResizable(false);
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            f.setBounds(0, 0, size.width(), size.height());
            return f;
        });
        return new WindowEnvironment(screen, executor, frame);
    }

    @Override
    public String backend() {
        return "xvfb";
    }

    @Override
    public void reset(Instance instance) {
        instance.requireScreen(screen.size());
        app = EventThread.call(() -> {
            SwingApp built = SwingApp.build(instance.scene());
            frame.setContentPane(built.root());
            frame.validate();
            if (!frame.isVisible()) {
                frame.setVisible(true);
            }
            frame.toFront();
            frame.getRootPane().paintImmediately(0, 0, frame.getWidth(), frame.getHeight());
            Toolkit.getDefaultToolkit().sync();
            return built;
        });
        settle();
    }

    @Override
    public Frame observe() {
        return screen.capture();
    }

    @Override
    public void act(Action action) throws ActionFailedException {
        started();
        long[] mark = witness.mark();
        executor.execute(action);
        try {
            witness.await(action, mark, INPUT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailedException("interrupted while waiting for the input to arrive", e);
        }
        settle();
    }

    private void settle() {
        try {
            EventThread.run(() -> {}); // whatever the input queued on the event thread has run by now
            SETTLE.await(screen, SETTLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the window to settle", e);
        }
    }

    @Override
    public Map<String, String> state() {
        SwingApp a = started();
        return EventThread.call(a::state);
    }

    @Override
    public Optional<Rect> locate(String id) {
        SwingApp a = started();
        return EventThread.call(() -> a.locate(id));
    }

    @Override
    public Optional<Rect> place(String id) {
        SwingApp a = started();
        return EventThread.call(() -> a.place(id));
    }

    private SwingApp started() {
        if (app == null) {
            throw new IllegalStateException("reset the environment to an instance first");
        }
        return app;
    }

    @Override
    public void close() {
        witness.uninstall();
        EventThread.run(frame::dispose);
        app = null;
    }
}
