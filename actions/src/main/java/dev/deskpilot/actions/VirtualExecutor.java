package dev.deskpilot.actions;

import dev.deskpilot.actions.swing.EventThread;
import java.awt.Component;
import java.awt.Container;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * Performs actions on an in-process Swing component tree with synthetic AWT events: no X server,
 * no window, no waiting. The tree's root stands for the whole screen, so screen pixels are root
 * pixels. Pair it with perception's {@code VirtualScreen} on the same root.
 *
 * <p>Headless AWT has no focus owner and routes neither mouse nor key events by itself, so this
 * executor does what the window system would: it sends each mouse event to the deepest showing
 * component under the pointer that listens for mouse events (as AWT's lightweight dispatcher does),
 * sends a drag's moves and release to the component that was pressed, and keeps its own keyboard
 * focus: the last text component clicked. Typed text goes there as {@code KEY_TYPED} events, and
 * its caret is made visible so screenshots show where typing goes. Clicking anything else leaves
 * the focus where it was, as clicking a non-focusable widget does on a real display.
 *
 * <p>Events are dispatched on the event dispatch thread; {@link #execute} returns once they have
 * been handled. Not thread-safe: one executor per tree, one action at a time.
 */
public final class VirtualExecutor implements Executor {
    /** Intermediate pointer positions of a drag, as {@code RobotExecutor} moves in 20 steps. */
    private static final int DRAG_STEPS = 20;

    private final Container root;
    private JTextComponent focus;
    private long clock;

    /** An executor whose screen is {@code root}, laid out at (0,0) with its current size. */
    public VirtualExecutor(Container root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The text component that typed text goes to, if one has been clicked. */
    public Optional<JTextComponent> focusOwner() {
        return Optional.ofNullable(focus);
    }

    /** Forgets the keyboard focus, e.g. after the tree's content was replaced. */
    public void clearFocus() {
        EventThread.run(() -> setFocus(null));
    }

    @Override
    public void execute(Action action) throws ActionFailedException {
        Objects.requireNonNull(action, "action");
        Size size = new Size(Math.max(1, root.getWidth()), Math.max(1, root.getHeight()));
        for (Point p : points(action)) {
            if (!size.contains(p)) {
                throw new ActionFailedException("point " + p + " is outside the " + size + " screen");
            }
        }
        RuntimeException[] failure = new RuntimeException[1];
        EventThread.run(() -> {
            try {
                perform(action);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw new ActionFailedException(action.verb() + " failed in the virtual screen: " + failure[0], failure[0]);
        }
    }

    private static List<Point> points(Action action) {
        return switch (action) {
            case Action.Click c -> List.of(c.at());
            case Action.DoubleClick d -> List.of(d.at());
            case Action.RightClick r -> List.of(r.at());
            case Action.Drag d -> List.of(d.from(), d.to());
            case Action.Scroll s -> List.of(s.at());
            case Action.TypeText t -> List.of();
            case Action.Hotkey h -> List.of();
            case Action.Wait w -> List.of();
            case Action.Finished f -> List.of();
            case Action.CallUser c -> List.of();
        };
    }

    private void perform(Action action) {
        root.validate();
        switch (action) {
            case Action.Click c -> click(c.at(), MouseEvent.BUTTON1, 1);
            case Action.DoubleClick d -> click(d.at(), MouseEvent.BUTTON1, 2);
            case Action.RightClick r -> click(r.at(), MouseEvent.BUTTON3, 1);
            case Action.Drag d -> drag(d.from(), d.to());
            case Action.Scroll s -> scroll(s.at(), s.direction(), s.amount());
            case Action.TypeText t -> type(t);
            case Action.Hotkey h -> hotkey(h.keys());
            case Action.Wait w -> {
                // Nothing changes on its own in a virtual screen; there is nothing to wait for.
            }
            case Action.Finished f -> {
                // Terminal: nothing to press.
            }
            case Action.CallUser c -> {
                // Terminal: nothing to press.
            }
        }
    }

    private void click(Point at, int button, int times) {
        Component target = mouseTarget(at);
        if (button == MouseEvent.BUTTON1 && target instanceof JTextComponent text && text.isEnabled()) {
            setFocus(text);
        }
        int downMask = InputEvent.getMaskForButton(button);
        for (int count = 1; count <= times; count++) {
            mouse(target, MouseEvent.MOUSE_PRESSED, at, downMask, count, button);
            mouse(target, MouseEvent.MOUSE_RELEASED, at, 0, count, button);
            mouse(target, MouseEvent.MOUSE_CLICKED, at, 0, count, button);
        }
    }

    private void drag(Point from, Point to) {
        Component target = mouseTarget(from);
        int down = InputEvent.BUTTON1_DOWN_MASK;
        mouse(target, MouseEvent.MOUSE_PRESSED, from, down, 1, MouseEvent.BUTTON1);
        Point at = from;
        for (int step = 1; step <= DRAG_STEPS; step++) {
            at = new Point(
                    from.x() + (to.x() - from.x()) * step / DRAG_STEPS,
                    from.y() + (to.y() - from.y()) * step / DRAG_STEPS);
            // AWT keeps sending a drag to the component that was pressed, wherever the pointer goes,
            // in that component's coordinates as it is now (it may have moved with the drag).
            mouse(target, MouseEvent.MOUSE_DRAGGED, at, down, 0, MouseEvent.NOBUTTON);
        }
        mouse(target, MouseEvent.MOUSE_RELEASED, at, 0, 1, MouseEvent.BUTTON1);
        if (from.equals(to)) {
            mouse(target, MouseEvent.MOUSE_CLICKED, at, 0, 1, MouseEvent.BUTTON1);
        }
    }

    private void scroll(Point at, ScrollDirection direction, int notches) {
        // The target may not listen for the wheel itself; AWT then hands the event to its nearest
        // ancestor that does (Component.dispatchEvent does that here too).
        Component target = mouseTarget(at);
        boolean horizontal = direction == ScrollDirection.LEFT || direction == ScrollDirection.RIGHT;
        int sign = direction == ScrollDirection.UP || direction == ScrollDirection.LEFT ? -1 : 1;
        java.awt.Point local = SwingUtilities.convertPoint(root, at.x(), at.y(), target);
        for (int i = 0; i < notches; i++) {
            // Swing reads Shift+wheel as horizontal scrolling, as X delivers buttons 6 and 7.
            int modifiers = horizontal ? InputEvent.SHIFT_DOWN_MASK : 0;
            target.dispatchEvent(new MouseWheelEvent(
                    target,
                    MouseEvent.MOUSE_WHEEL,
                    tick(),
                    modifiers,
                    local.x,
                    local.y,
                    at.x(),
                    at.y(),
                    0,
                    false,
                    MouseWheelEvent.WHEEL_UNIT_SCROLL,
                    3,
                    sign));
        }
    }

    private void type(Action.TypeText action) {
        if (focus == null) {
            return; // Keys typed with nothing focused go nowhere, as on a screen without a focused field.
        }
        String text = action.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                key(KeyEvent.VK_ENTER, 0);
                continue;
            }
            focus.dispatchEvent(new KeyEvent(focus, KeyEvent.KEY_TYPED, tick(), 0, KeyEvent.VK_UNDEFINED, c));
        }
    }

    private void hotkey(List<String> names) {
        List<HotkeyKey> keys = new ArrayList<>();
        for (String name : names) {
            keys.add(HotkeyNames.resolve(name)
                    .filter(k -> k.awtKeyCode().isPresent())
                    .orElseThrow(() -> new IllegalArgumentException("unknown key name '" + name + "'")));
        }
        if (focus == null) {
            return;
        }
        int modifiers = 0;
        for (HotkeyKey key : keys) {
            int code = key.awtKeyCode().getAsInt();
            modifiers |= modifierMask(code);
            focus.dispatchEvent(
                    new KeyEvent(focus, KeyEvent.KEY_PRESSED, tick(), modifiers, code, KeyEvent.CHAR_UNDEFINED));
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            int code = keys.get(i).awtKeyCode().getAsInt();
            focus.dispatchEvent(
                    new KeyEvent(focus, KeyEvent.KEY_RELEASED, tick(), modifiers, code, KeyEvent.CHAR_UNDEFINED));
            modifiers &= ~modifierMask(code);
        }
    }

    private void key(int code, int modifiers) {
        focus.dispatchEvent(
                new KeyEvent(focus, KeyEvent.KEY_PRESSED, tick(), modifiers, code, KeyEvent.CHAR_UNDEFINED));
        focus.dispatchEvent(
                new KeyEvent(focus, KeyEvent.KEY_RELEASED, tick(), modifiers, code, KeyEvent.CHAR_UNDEFINED));
    }

    private static int modifierMask(int keyCode) {
        return switch (keyCode) {
            case KeyEvent.VK_CONTROL -> InputEvent.CTRL_DOWN_MASK;
            case KeyEvent.VK_SHIFT -> InputEvent.SHIFT_DOWN_MASK;
            case KeyEvent.VK_ALT -> InputEvent.ALT_DOWN_MASK;
            default -> 0;
        };
    }

    private void setFocus(JTextComponent text) {
        if (focus == text) {
            return;
        }
        if (focus != null) {
            focus.getCaret().setVisible(false);
            focus.repaint();
        }
        focus = text;
        if (text != null) {
            text.getCaret().setVisible(true);
            text.repaint();
        }
    }

    private void mouse(Component target, int id, Point at, int modifiers, int clickCount, int button) {
        java.awt.Point local = SwingUtilities.convertPoint(root, at.x(), at.y(), target);
        target.dispatchEvent(new MouseEvent(
                target, id, tick(), modifiers, local.x, local.y, at.x(), at.y(), clickCount, false, button));
    }

    /**
     * The component AWT's lightweight dispatcher delivers a mouse event at a root point to: the
     * topmost, deepest showing component there that listens for mouse input. Components that do not
     * listen are transparent to the mouse (the search goes on beneath them, not to their parent).
     */
    private Component mouseTarget(Point at) {
        Component c = mouseTarget(root, at.x(), at.y());
        return c == null ? root : c;
    }

    private static Component mouseTarget(Container container, int x, int y) {
        for (Component child : container.getComponents()) {
            if (child.isVisible() && child.contains(x - child.getX(), y - child.getY())) {
                if (child instanceof Container inner) {
                    Component found = mouseTarget(inner, x - child.getX(), y - child.getY());
                    if (found != null) {
                        return found;
                    }
                } else if (listensForMouse(child)) {
                    return child;
                }
            }
        }
        return listensForMouse(container) ? container : null;
    }

    private static boolean listensForMouse(Component c) {
        return c.getMouseListeners().length > 0
                || c.getMouseMotionListeners().length > 0
                || c.getMouseWheelListeners().length > 0;
    }

    /** Event timestamps that only grow, so multi-click detection and ordering behave. */
    private long tick() {
        clock = Math.max(clock + 1, System.currentTimeMillis());
        return clock;
    }
}
