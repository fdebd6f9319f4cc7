package dev.deskpilot.agent.record;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseWheelEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseWheelListener;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Global mouse and keyboard capture on the X display this process is connected to, through
 * jnativehook (the X RECORD extension; Xvfb has it). Events arrive on jnativehook's dispatch
 * thread and are handed on at once, with the moment they arrived.
 *
 * <p>jnativehook is process-wide, so one {@code NativeInput} may be open at a time.
 */
final class NativeInput implements AutoCloseable {

    /** Receives each event on jnativehook's dispatch thread; must return quickly. */
    @FunctionalInterface
    interface Receiver {
        void receive(RawInput input, long receivedNanos);
    }

    private static final Object LOCK = new Object();
    private static boolean open;

    private final Listener listener;

    private NativeInput(Listener listener) {
        this.listener = listener;
    }

    /**
     * Starts capturing.
     *
     * @param display the display, for messages
     * @throws IOException if the hook cannot be installed (no X display, no RECORD extension)
     * @throws IllegalStateException if another {@code NativeInput} is open in this process
     */
    static NativeInput open(String display, Receiver receiver) throws IOException {
        synchronized (LOCK) {
            if (open) {
                throw new IllegalStateException("input is already being captured in this process");
            }
            Logger hookLog = Logger.getLogger(GlobalScreen.class.getPackage().getName());
            hookLog.setLevel(Level.WARNING); // it logs every event at lower levels
            try {
                GlobalScreen.registerNativeHook();
            } catch (NativeHookException | UnsatisfiedLinkError e) {
                throw new IOException(
                        "cannot capture mouse and keyboard on X display " + display + ": "
                                + e.getMessage()
                                + " (the X server needs the RECORD extension; Xvfb has it unless started with -extension RECORD)",
                        e);
            }
            Listener listener = new Listener(receiver);
            GlobalScreen.addNativeMouseListener(listener);
            GlobalScreen.addNativeMouseWheelListener(listener);
            GlobalScreen.addNativeKeyListener(listener);
            open = true;
            return new NativeInput(listener);
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (!open) {
                return;
            }
            GlobalScreen.removeNativeMouseListener(listener);
            GlobalScreen.removeNativeMouseWheelListener(listener);
            GlobalScreen.removeNativeKeyListener(listener);
            try {
                GlobalScreen.unregisterNativeHook();
            } catch (NativeHookException e) {
                // The process is ending the capture anyway; nothing more will be received.
            }
            open = false;
        }
    }

    private static final class Listener implements NativeMouseListener, NativeMouseWheelListener, NativeKeyListener {
        private final Receiver receiver;

        Listener(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public void nativeMousePressed(NativeMouseEvent e) {
            long now = System.nanoTime();
            button(e).ifPresent(b -> receiver.receive(new RawInput.Press(b, at(e), e.getWhen()), now));
        }

        @Override
        public void nativeMouseReleased(NativeMouseEvent e) {
            long now = System.nanoTime();
            button(e).ifPresent(b -> receiver.receive(new RawInput.Release(b, at(e), e.getWhen()), now));
        }

        @Override
        public void nativeMouseWheelMoved(NativeMouseWheelEvent e) {
            long now = System.nanoTime();
            if (e.getWheelRotation() == 0) {
                return;
            }
            boolean vertical = e.getWheelDirection() != NativeMouseWheelEvent.WHEEL_HORIZONTAL_DIRECTION;
            // Negative rotation is away from the user: up, or left for the horizontal wheel.
            ScrollDirection direction = vertical
                    ? (e.getWheelRotation() < 0 ? ScrollDirection.UP : ScrollDirection.DOWN)
                    : (e.getWheelRotation() < 0 ? ScrollDirection.LEFT : ScrollDirection.RIGHT);
            receiver.receive(new RawInput.Wheel(at(e), direction, Math.abs(e.getWheelRotation()), e.getWhen()), now);
        }

        @Override
        public void nativeKeyPressed(NativeKeyEvent e) {
            long now = System.nanoTime();
            Keys.of(e).ifPresent(k -> receiver.receive(new RawInput.KeyDown(k, e.getWhen()), now));
        }

        @Override
        public void nativeKeyReleased(NativeKeyEvent e) {
            long now = System.nanoTime();
            Keys.of(e).ifPresent(k -> receiver.receive(new RawInput.KeyUp(k, e.getWhen()), now));
        }

        /** jnativehook numbers X's right button 2 and its middle button 3. */
        private static Optional<MouseButton> button(NativeMouseEvent e) {
            return switch (e.getButton()) {
                case NativeMouseEvent.BUTTON1 -> Optional.of(MouseButton.LEFT);
                case NativeMouseEvent.BUTTON2 -> Optional.of(MouseButton.RIGHT);
                case NativeMouseEvent.BUTTON3 -> Optional.of(MouseButton.MIDDLE);
                default -> Optional.empty();
            };
        }

        private static Point at(NativeMouseEvent e) {
            return new Point(e.getX(), e.getY());
        }
    }
}
