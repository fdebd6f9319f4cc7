package dev.deskpilot.actions;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The key names of UI-TARS's {@code hotkey(key='ctrl c')} and the keys they press. Names follow
 * UI-TARS's executors (pyautogui-style lowercase words); synonyms the models are known to write
 * ({@code arrowleft}, {@code return}, {@code win}, …) are accepted too.
 */
final class HotkeyNames {
    private HotkeyNames() {}

    private static final Map<String, HotkeyKey> KEYS = new HashMap<>();

    static {
        key(KeyEvent.VK_CONTROL, "Control_L", "ctrl", "control", "ctl");
        key(KeyEvent.VK_SHIFT, "Shift_L", "shift");
        key(KeyEvent.VK_ALT, "Alt_L", "alt", "option");
        // AWT's X11 Robot maps no key code to Super (VK_WINDOWS has no keysym in its table, and
        // VK_META lands on Alt in Xvfb's keymap), so these go through xdotool.
        for (String name : new String[] {"meta", "win", "windows", "super", "cmd", "command"}) {
            KEYS.put(name, new HotkeyKey(name, OptionalInt.empty(), "Super_L"));
        }
        key(KeyEvent.VK_ENTER, "Return", "enter", "return");
        key(KeyEvent.VK_TAB, "Tab", "tab");
        key(KeyEvent.VK_ESCAPE, "Escape", "esc", "escape");
        key(KeyEvent.VK_SPACE, "space", "space");
        key(KeyEvent.VK_BACK_SPACE, "BackSpace", "backspace");
        key(KeyEvent.VK_DELETE, "Delete", "delete", "del");
        key(KeyEvent.VK_INSERT, "Insert", "insert", "ins");
        key(KeyEvent.VK_UP, "Up", "up", "arrowup");
        key(KeyEvent.VK_DOWN, "Down", "down", "arrowdown");
        key(KeyEvent.VK_LEFT, "Left", "left", "arrowleft");
        key(KeyEvent.VK_RIGHT, "Right", "right", "arrowright");
        key(KeyEvent.VK_HOME, "Home", "home");
        key(KeyEvent.VK_END, "End", "end");
        key(KeyEvent.VK_PAGE_UP, "Prior", "pageup", "pgup", "page_up");
        key(KeyEvent.VK_PAGE_DOWN, "Next", "pagedown", "pgdn", "page_down");
        key(KeyEvent.VK_CAPS_LOCK, "Caps_Lock", "capslock");
        key(KeyEvent.VK_PRINTSCREEN, "Print", "printscreen", "prtsc");
        for (int i = 1; i <= 12; i++) {
            key(KeyEvent.VK_F1 + i - 1, "F" + i, "f" + i);
        }
    }

    private static void key(int awtKeyCode, String keysym, String... names) {
        for (String name : names) {
            KEYS.put(name, new HotkeyKey(name, OptionalInt.of(awtKeyCode), keysym));
        }
    }

    /**
     * The key a name stands for: a named key above, or one unshifted character of the US layout
     * (a letter, a digit, or punctuation such as {@code -} and {@code /}). Case does not matter.
     */
    static Optional<HotkeyKey> resolve(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        HotkeyKey named = KEYS.get(lower);
        if (named != null) {
            return Optional.of(named);
        }
        if (lower.length() == 1) {
            char c = lower.charAt(0);
            return UsKeyboard.keystroke(c)
                    .filter(k -> !k.shift())
                    .map(k -> new HotkeyKey(name, OptionalInt.of(k.keyCode()), keysymOf(c)));
        }
        return Optional.empty();
    }

    /** The X keysym name of a character: letters and digits are their own name. */
    private static String keysymOf(char c) {
        if (Character.isLetterOrDigit(c)) {
            return String.valueOf(c);
        }
        return switch (c) {
            case '`' -> "grave";
            case '-' -> "minus";
            case '=' -> "equal";
            case '[' -> "bracketleft";
            case ']' -> "bracketright";
            case '\\' -> "backslash";
            case ';' -> "semicolon";
            case '\'' -> "apostrophe";
            case ',' -> "comma";
            case '.' -> "period";
            case '/' -> "slash";
            default -> throw new IllegalArgumentException("no keysym for '" + c + "'");
        };
    }
}
