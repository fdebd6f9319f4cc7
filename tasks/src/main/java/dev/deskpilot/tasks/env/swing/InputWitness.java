package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Action;
import dev.deskpilot.tasks.env.InputEchoes;
import java.awt.AWTEvent;
import java.awt.KeyboardFocusManager;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.time.Duration;

/**
 * Sees this JVM's input events arrive, so that an environment acting through the X server knows
 * when the app has received what it sent: Robot's events travel to the X server and back, and on
 * a busy machine that can take longer than any fixed pause. Counts button and key releases and
 * wheel notches, as dispatched on the event thread.
 */
final class InputWitness implements AWTEventListener {
    /** Hotkey names of modifier keys, whose releases are not counted. */
    static final java.util.Set<String> MODIFIERS = java.util.Set.of(
            "ctrl", "control", "ctl", "shift", "alt", "option", "meta", "win", "windows", "super", "cmd", "command");

    private long releases;
    private long notches;

    static InputWitness install() {
        InputWitness witness = new InputWitness();
        Toolkit.getDefaultToolkit()
                .addAWTEventListener(
                        witness, AWTEvent.MOUSE_EVENT_MASK | AWTEvent.MOUSE_WHEEL_EVENT_MASK | AWTEvent.KEY_EVENT_MASK);
        return witness;
    }

    void uninstall() {
        Toolkit.getDefaultToolkit().removeAWTEventListener(this);
    }

    @Override
    public synchronized void eventDispatched(AWTEvent event) {
        switch (event) {
            case MouseWheelEvent w -> notches += Math.max(1, Math.abs(w.getWheelRotation()));
            case MouseEvent m when m.getID() == MouseEvent.MOUSE_RELEASED -> releases++;
            case KeyEvent k when k.getID() == KeyEvent.KEY_RELEASED && !isModifier(k.getKeyCode()) -> releases++;
            default -> {}
        }
        notifyAll();
    }

    private static boolean focused() {
        // Only text fields take the focus in these apps; with none focused, AWT drops key events.
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() != null;
    }

    private static boolean isModifier(int keyCode) {
        return keyCode == KeyEvent.VK_SHIFT
                || keyCode == KeyEvent.VK_CONTROL
                || keyCode == KeyEvent.VK_ALT
                || keyCode == KeyEvent.VK_META;
    }

    /** A mark of what has arrived so far, to wait from. */
    synchronized long[] mark() {
        return new long[] {releases, notches};
    }

    /**
     * Waits until the events an action causes have arrived since {@code mark}, or the timeout has
     * passed (an action may rightly cause none, e.g. typing with no window focused).
     */
    synchronized void await(Action action, long[] mark, Duration timeout) throws InterruptedException {
        long wantReleases = mark[0]
                + switch (action) {
                    case Action.Click c -> 1;
                    case Action.DoubleClick d -> 2;
                    case Action.RightClick r -> 1;
                    case Action.Drag d -> 1;
                    // Keys reach a component only while one has the keyboard focus; none comes back otherwise.
                    case Action.TypeText t -> focused() ? InputEchoes.keyReleases(t) : 0;
                    case Action.Hotkey h ->
                        focused() && h.keys().stream().anyMatch(k -> !MODIFIERS.contains(k)) ? 1 : 0;
                    case Action.Scroll s -> 0;
                    case Action.Wait w -> 0;
                    case Action.Finished f -> 0;
                    case Action.CallUser c -> 0;
                };
        long wantNotches = mark[1] + (action instanceof Action.Scroll s ? s.amount() : 0);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (releases < wantReleases || notches < wantNotches) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
