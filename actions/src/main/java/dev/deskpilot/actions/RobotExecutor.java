package dev.deskpilot.actions;

import java.awt.AWTException;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.MouseInfo;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs actions with real input events on the X display this JVM's AWT is connected to: mouse
 * and keys through {@link Robot} (the XTEST extension), with two helpers for what Robot cannot
 * press.
 *
 * <p><b>Text.</b> Characters of the US keyboard layout are typed key by key. Robot cannot type any
 * other character (é and € arrive as nothing, 中 throws), so text containing one is handed to a
 * {@link TextFallback}: by default pasted whole through the clipboard with Ctrl+V, which Swing and
 * Chromium accept exactly; {@code xdotool type} is the alternative for terminals, where
 * Ctrl+V does not paste. A trailing newline is not typed but pressed as Enter afterwards.
 *
 * <p><b>Focus.</b> Keys go to the focused window. Under Xvfb without a window manager, the X focus
 * starts as PointerRoot (keys go to the window under the pointer) until a client takes it; a Java
 * window takes it when clicked and keeps it when the pointer leaves. Click into the target before
 * typing, as a person would.
 *
 * <p>Not thread-safe: one executor drives one pointer and keyboard, one action at a time.
 */
public final class RobotExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(RobotExecutor.class);

    /** Pointer steps of a drag; applications see each as a mouse-dragged event. */
    private static final int DRAG_STEPS = 20;

    /**
     * Pause after each drag step. Without it the X server coalesces the moves and applications
     * see as few as 1 of 20 (measured); at 5 ms they see nearly all.
     */
    private static final Duration DRAG_STEP_PAUSE = Duration.ofMillis(5);

    /** How long a pasted text may take to be read by the focused window before we move on. */
    private static final Duration PASTE_TIMEOUT = Duration.ofSeconds(2);

    private final Robot robot;
    private final Rectangle screen;
    private final Settings settings;
    private final Xdotool xdotool;

    /**
     * How text outside the US keyboard layout is entered.
     *
     * <p>{@link #CLIPBOARD} is the default because it is exact: in 50 trials on a 2-core machine
     * (30 under CPU load), pasting {@code café €5 中文 ß} into a Swing text field never lost a
     * character, while {@code xdotool type} (which rebinds a key code for each such character)
     * lost some in 7 of 50 trials at its default 12 ms per key (1 of 20 idle, 6 of 30 under CPU
     * load). At the 60 ms it is run with here it lost none in 20 loaded trials, but the race
     * remains, and it is slow.
     */
    public enum TextFallback {
        /** Put the whole text on the clipboard and press Ctrl+V; waits until the window reads it. */
        CLIPBOARD,
        /** Run {@code xdotool type} (Debian package xdotool); also works in terminals. */
        XDOTOOL
    }

    /**
     * How the executor behaves where there is a choice.
     *
     * @param waitPause how long {@code wait()} sleeps (UI-TARS's executors wait 1–5 s; tests use
     *     little)
     * @param textFallback how text outside the US keyboard layout is entered
     */
    public record Settings(Duration waitPause, TextFallback textFallback) {
        /** A one-second wait and clipboard paste. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(1), TextFallback.CLIPBOARD);

        public Settings {
            Objects.requireNonNull(waitPause, "waitPause");
            Objects.requireNonNull(textFallback, "textFallback");
            if (waitPause.isNegative()) {
                throw new IllegalArgumentException("waitPause must not be negative, was " + waitPause);
            }
        }

        public Settings withWaitPause(Duration pause) {
            return new Settings(pause, textFallback);
        }

        public Settings withTextFallback(TextFallback fallback) {
            return new Settings(waitPause, fallback);
        }
    }

    private RobotExecutor(Robot robot, Rectangle screen, Settings settings, Xdotool xdotool) {
        this.robot = robot;
        this.screen = screen;
        this.settings = settings;
        this.xdotool = xdotool;
    }

    /** An executor with {@link Settings#DEFAULT} settings; see {@link #open(String, Settings)}. */
    public static RobotExecutor open(String display) throws ActionFailedException {
        return open(display, Settings.DEFAULT);
    }

    /**
     * An executor on the default screen of this JVM's AWT display.
     *
     * @param display the X display name AWT is connected to (e.g. {@code :93}); helper processes
     *     such as xdotool are pointed at it, since they cannot see the display AWT chose
     * @throws ActionFailedException if this JVM has no usable X display
     */
    public static RobotExecutor open(String display, Settings settings) throws ActionFailedException {
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(settings, "settings");
        if (display.isBlank()) {
            throw new IllegalArgumentException("display must be an X display name such as :93, was blank");
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new ActionFailedException("this JVM is headless, so it cannot send input to display " + display
                    + ": connect AWT to the display before any other AWT use (perception's Displays.connect)");
        }
        try {
            GraphicsDevice device =
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
            Robot robot = new Robot(device);
            robot.setAutoDelay(0);
            robot.setAutoWaitForIdle(false);
            return new RobotExecutor(
                    robot, device.getDefaultConfiguration().getBounds(), settings, new Xdotool(display, "xdotool"));
        } catch (AWTException | HeadlessException e) {
            throw new ActionFailedException("cannot send input to X display " + display + ": " + e.getMessage(), e);
        }
    }

    /** The screen size this executor's points refer to. */
    public Size screenSize() {
        return new Size(screen.width, screen.height);
    }

    @Override
    public void execute(Action action) throws ActionFailedException {
        Objects.requireNonNull(action, "action");
        switch (action) {
            case Action.Click c -> click(c.at(), InputEvent.BUTTON1_DOWN_MASK, 1);
            case Action.DoubleClick d -> click(d.at(), InputEvent.BUTTON1_DOWN_MASK, 2);
            case Action.RightClick r -> click(r.at(), InputEvent.BUTTON3_DOWN_MASK, 1);
            case Action.Drag d -> drag(d.from(), d.to());
            case Action.Scroll s -> scroll(s.at(), s.direction(), s.amount());
            case Action.TypeText t -> type(t);
            case Action.Hotkey h -> hotkey(h.keys());
            case Action.Wait w -> pause(settings.waitPause());
            case Action.Finished f -> {
                // Terminal: the agent loop records the answer; nothing to press.
            }
            case Action.CallUser c -> {
                // Terminal: the agent loop hands over to a person; nothing to press.
            }
        }
    }

    private void click(Point at, int button, int times) throws ActionFailedException {
        moveTo(at);
        for (int i = 0; i < times; i++) {
            robot.mousePress(button);
            robot.mouseRelease(button);
        }
    }

    private void drag(Point from, Point to) throws ActionFailedException {
        requireOnScreen(to);
        moveTo(from);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        try {
            for (int step = 1; step <= DRAG_STEPS; step++) {
                pause(DRAG_STEP_PAUSE);
                robot.mouseMove(
                        screen.x + from.x() + (to.x() - from.x()) * step / DRAG_STEPS,
                        screen.y + from.y() + (to.y() - from.y()) * step / DRAG_STEPS);
            }
            pause(DRAG_STEP_PAUSE);
        } finally {
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
    }

    private void scroll(Point at, ScrollDirection direction, int notches) throws ActionFailedException {
        moveTo(at);
        switch (direction) {
            // Robot's wheel is the vertical one: positive notches scroll down (X button 5).
            case UP -> robot.mouseWheel(-notches);
            case DOWN -> robot.mouseWheel(notches);
            // X has no horizontal wheel call; by convention buttons 6 and 7 scroll left and right.
            // AWT numbers them 4 and 5, after the two wheel buttons it hides.
            case LEFT -> pressButton(4, notches);
            case RIGHT -> pressButton(5, notches);
        }
    }

    private void pressButton(int awtButton, int times) throws ActionFailedException {
        if (MouseInfo.getNumberOfButtons() < awtButton
                || !Toolkit.getDefaultToolkit().areExtraMouseButtonsEnabled()) {
            throw new ActionFailedException("cannot scroll sideways: the X pointer has "
                    + MouseInfo.getNumberOfButtons() + " buttons and horizontal scrolling needs buttons 6 and 7");
        }
        int mask = InputEvent.getMaskForButton(awtButton);
        for (int i = 0; i < times; i++) {
            robot.mousePress(mask);
            robot.mouseRelease(mask);
        }
    }

    private void type(Action.TypeText action) throws ActionFailedException {
        String text =
                action.submits() ? action.text().substring(0, action.text().length() - 1) : action.text();
        if (UsKeyboard.canType(text)) {
            for (int i = 0; i < text.length(); i++) {
                press(UsKeyboard.keystroke(text.charAt(i)).orElseThrow());
            }
        } else {
            switch (settings.textFallback()) {
                case CLIPBOARD -> paste(text);
                case XDOTOOL -> xdotool.type(text);
            }
        }
        if (action.submits()) {
            tap(KeyEvent.VK_ENTER);
        }
    }

    private void press(Keystroke keystroke) {
        if (keystroke.shift()) {
            robot.keyPress(KeyEvent.VK_SHIFT);
        }
        try {
            tap(keystroke.keyCode());
        } finally {
            if (keystroke.shift()) {
                robot.keyRelease(KeyEvent.VK_SHIFT);
            }
        }
    }

    private void tap(int keyCode) {
        robot.keyPress(keyCode);
        robot.keyRelease(keyCode);
    }

    private void paste(String text) throws ActionFailedException {
        ClipboardPaste paste;
        try {
            paste = ClipboardPaste.offer(Toolkit.getDefaultToolkit().getSystemClipboard(), text);
        } catch (IllegalStateException e) {
            throw new ActionFailedException("the clipboard is busy, cannot paste text: " + e.getMessage(), e);
        }
        robot.keyPress(KeyEvent.VK_CONTROL);
        try {
            tap(KeyEvent.VK_V);
        } finally {
            robot.keyRelease(KeyEvent.VK_CONTROL);
        }
        try {
            if (!paste.awaitTaken(PASTE_TIMEOUT)) {
                LOG.warn(
                        "no window read the pasted text within {} ms: is a text field focused, and does it paste"
                                + " with Ctrl+V? (terminals need TextFallback.XDOTOOL)",
                        PASTE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailedException("interrupted while waiting for the paste to be read", e);
        }
    }

    private void hotkey(List<String> names) throws ActionFailedException {
        List<HotkeyKey> keys = new ArrayList<>();
        for (String name : names) {
            keys.add(HotkeyNames.resolve(name)
                    .orElseThrow(() -> new ActionFailedException("unknown key name '" + name + "' in hotkey "
                            + String.join(" ", names)
                            + "; known: ctrl shift alt meta/win/super enter tab esc space backspace delete"
                            + " insert up down left right home end pageup pagedown f1-f12, letters, digits")));
        }
        if (keys.stream().allMatch(k -> k.awtKeyCode().isPresent())) {
            Deque<Integer> pressed = new ArrayDeque<>();
            try {
                for (HotkeyKey key : keys) {
                    int code = key.awtKeyCode().getAsInt();
                    robot.keyPress(code);
                    pressed.push(code);
                }
            } finally {
                while (!pressed.isEmpty()) {
                    robot.keyRelease(pressed.pop());
                }
            }
        } else {
            xdotool.key(keys.stream().map(HotkeyKey::keysym).toList());
        }
    }

    private void moveTo(Point at) throws ActionFailedException {
        requireOnScreen(at);
        robot.mouseMove(screen.x + at.x(), screen.y + at.y());
    }

    private void requireOnScreen(Point p) throws ActionFailedException {
        if (!screenSize().contains(p)) {
            throw new ActionFailedException("point " + p + " is outside the " + screenSize() + " screen");
        }
    }

    private static void pause(Duration duration) throws ActionFailedException {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailedException("interrupted while waiting", e);
        }
    }
}
