package dev.deskpilot.perception;

import dev.deskpilot.actions.Point;
import java.awt.Color;
import java.awt.Robot;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

/**
 * A real Swing window on the test display that records what reaches it: a button, a text field, a
 * pad that logs mouse events, and a Ctrl+Shift+K shortcut. Events are recorded on the event thread
 * into thread-safe collections that tests read.
 */
final class ProbeWindow implements AutoCloseable {
    static final Color PAD_COLOR = new Color(40, 160, 90);

    final AtomicInteger buttonPresses = new AtomicInteger();
    final AtomicInteger fieldActions = new AtomicInteger();
    final AtomicInteger shortcutHits = new AtomicInteger();
    final List<Integer> fieldKeyCodes = new CopyOnWriteArrayList<>();
    final List<MouseEvent> padEvents = new CopyOnWriteArrayList<>();

    private JFrame frame;
    private JButton button;
    private JTextField field;
    private JPanel pad;

    private ProbeWindow() {}

    /** Shows the window at (40,40) and returns once the X server displays it. */
    static ProbeWindow open() throws Exception {
        PrivateDisplay.display();
        var probe = new ProbeWindow();
        SwingUtilities.invokeAndWait(probe::build);
        Robot robot = new Robot();
        Point center = probe.padPoint(280, 140);
        Eventually.await(
                "the probe window to be painted on screen",
                () -> PAD_COLOR.equals(robot.getPixelColor(center.x(), center.y())));
        return probe;
    }

    private void build() {
        frame = new JFrame("deskpilot probe");
        frame.setLayout(null);
        button = new JButton("Press");
        button.setBounds(10, 10, 120, 30);
        button.addActionListener(e -> buttonPresses.incrementAndGet());
        field = new JTextField();
        field.setBounds(140, 10, 400, 30);
        field.addActionListener(e -> fieldActions.incrementAndGet());
        field.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                fieldKeyCodes.add(e.getKeyCode());
            }
        });
        pad = new JPanel();
        pad.setBackground(PAD_COLOR);
        pad.setBounds(10, 60, 560, 280);
        var recorder = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                padEvents.add(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                padEvents.add(e);
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                padEvents.add(e);
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                padEvents.add(e);
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                padEvents.add(e);
            }
        };
        pad.addMouseListener(recorder);
        pad.addMouseMotionListener(recorder);
        pad.addMouseWheelListener(recorder);
        frame.add(button);
        frame.add(field);
        frame.add(pad);
        frame.getRootPane()
                .getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(
                        KeyStroke.getKeyStroke(KeyEvent.VK_K, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
                        "probe");
        frame.getRootPane().getActionMap().put("probe", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                shortcutHits.incrementAndGet();
            }
        });
        frame.setBounds(40, 40, 600, 400);
        frame.setVisible(true);
    }

    /** The screen point at the centre of the button. */
    Point buttonCenter() {
        return onEdt(() -> center(button));
    }

    /** The screen point at the centre of the text field. */
    Point fieldCenter() {
        return onEdt(() -> center(field));
    }

    /** The screen point of a point in the pad's own coordinates. */
    Point padPoint(int x, int y) {
        return onEdt(() -> {
            var origin = pad.getLocationOnScreen();
            return new Point(origin.x + x, origin.y + y);
        });
    }

    /** Whether the text field owns the keyboard focus. */
    boolean fieldHasFocus() {
        return onEdt(field::isFocusOwner);
    }

    /** The text field's text, read on the event thread. */
    String text() {
        return onEdt(field::getText);
    }

    /** Pad events of one kind, e.g. {@link MouseEvent#MOUSE_DRAGGED}. */
    List<MouseEvent> padEvents(int id) {
        return padEvents.stream().filter(e -> e.getID() == id).toList();
    }

    /** Pad wheel events. */
    List<MouseWheelEvent> wheelEvents() {
        return padEvents.stream()
                .filter(e -> e instanceof MouseWheelEvent)
                .map(e -> (MouseWheelEvent) e)
                .toList();
    }

    @Override
    public void close() {
        onEdt(() -> {
            frame.dispose();
            return null;
        });
    }

    private static Point center(JComponent c) {
        var origin = c.getLocationOnScreen();
        return new Point(origin.x + c.getWidth() / 2, origin.y + c.getHeight() / 2);
    }

    private static <T> T onEdt(Supplier<T> read) {
        var result = new AtomicReference<T>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(read.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return result.get();
    }
}
