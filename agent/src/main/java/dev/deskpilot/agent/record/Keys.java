package dev.deskpilot.agent.record;

import static com.github.kwhat.jnativehook.keyboard.NativeKeyEvent.*;

import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns jnativehook's key events into {@link Key}s. The key's name comes from its virtual key code
 * (where the key is, whatever Shift does); its text from the X keysym the hook reports with the
 * press, which already reflects Shift and the keyboard layout.
 *
 * <p>A character that is not on the keyboard map (é, € or 中 on Xvfb's US map, typed by xdotool
 * binding a spare key code for a moment) arrives with key code 0 and keysym 0: the hook cannot tell
 * which character it was. It becomes {@link Key#UNIDENTIFIED}.
 */
final class Keys {
    /** Stands for each typed character the hook could not identify. */
    static final char UNKNOWN_CHARACTER = '\uFFFD';

    static final Set<String> MODIFIERS = Set.of("ctrl", "shift", "alt", "meta");

    /** Names as the executor's hotkey table knows them (docs/action-grammar.md). */
    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        name(VC_CONTROL, "ctrl");
        name(VC_SHIFT, "shift");
        name(VC_ALT, "alt");
        name(VC_META, "meta");
        name(VC_ENTER, "enter");
        name(VC_TAB, "tab");
        name(VC_ESCAPE, "esc");
        name(VC_SPACE, "space");
        name(VC_BACKSPACE, "backspace");
        name(VC_DELETE, "delete");
        name(VC_INSERT, "insert");
        name(VC_UP, "up");
        name(VC_DOWN, "down");
        name(VC_LEFT, "left");
        name(VC_RIGHT, "right");
        name(VC_HOME, "home");
        name(VC_END, "end");
        name(VC_PAGE_UP, "pageup");
        name(VC_PAGE_DOWN, "pagedown");
        name(VC_CAPS_LOCK, "capslock");
        name(VC_PRINTSCREEN, "printscreen");
        int[] functionKeys = {VC_F1, VC_F2, VC_F3, VC_F4, VC_F5, VC_F6, VC_F7, VC_F8, VC_F9, VC_F10, VC_F11, VC_F12};
        for (int i = 0; i < functionKeys.length; i++) {
            name(functionKeys[i], "f" + (i + 1));
        }
        int[] letters = {
            VC_A, VC_B, VC_C, VC_D, VC_E, VC_F, VC_G, VC_H, VC_I, VC_J, VC_K, VC_L, VC_M, VC_N, VC_O, VC_P, VC_Q, VC_R,
            VC_S, VC_T, VC_U, VC_V, VC_W, VC_X, VC_Y, VC_Z
        };
        for (int i = 0; i < letters.length; i++) {
            name(letters[i], String.valueOf((char) ('a' + i)));
        }
        int[] digits = {VC_0, VC_1, VC_2, VC_3, VC_4, VC_5, VC_6, VC_7, VC_8, VC_9};
        for (int i = 0; i < digits.length; i++) {
            name(digits[i], String.valueOf((char) ('0' + i)));
        }
        name(VC_BACKQUOTE, "`");
        name(VC_MINUS, "-");
        name(VC_EQUALS, "=");
        name(VC_OPEN_BRACKET, "[");
        name(VC_CLOSE_BRACKET, "]");
        name(VC_BACK_SLASH, "\\");
        name(VC_SEMICOLON, ";");
        name(VC_QUOTE, "'");
        name(VC_COMMA, ",");
        name(VC_PERIOD, ".");
        name(VC_SLASH, "/");
    }

    private static void name(int keyCode, String name) {
        NAMES.put(keyCode, name);
    }

    private Keys() {}

    /** Whether {@code name} is a key name this class gives keys. */
    static boolean isKnownName(String name) {
        return NAMES.containsValue(name);
    }

    /**
     * The key of a pressed or released event, or empty for a key deskpilot has no name and no text
     * for (media keys, Num Lock, …).
     */
    static Optional<Key> of(NativeKeyEvent e) {
        if (e.getKeyCode() == VC_UNDEFINED && e.getRawCode() == 0) {
            return Optional.of(Key.UNIDENTIFIED);
        }
        String name = NAMES.getOrDefault(e.getKeyCode(), "");
        if (name.equals("enter") || name.equals("tab") || name.equals("backspace") || name.equals("esc")) {
            return Optional.of(new Key(name, "", false)); // their keysyms are control characters, not text
        }
        String text = textOf(e.getRawCode());
        if (name.isEmpty() && text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Key(name, text, MODIFIERS.contains(name)));
    }

    /**
     * The character an X keysym types, or empty: Latin-1 keysyms are their code point, Unicode
     * keysyms are {@code 0x01000000} plus it, and keypad digits and operators type like their
     * main-keyboard twins.
     */
    static String textOf(int keysym) {
        if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) {
            return String.valueOf((char) keysym);
        }
        if (keysym >= 0x01000100 && keysym <= 0x0110ffff) {
            return Character.toString(keysym - 0x01000000);
        }
        if (keysym >= 0xffb0 && keysym <= 0xffb9) {
            return String.valueOf((char) ('0' + keysym - 0xffb0));
        }
        return switch (keysym) {
            case 0xffaa -> "*";
            case 0xffab -> "+";
            case 0xffad -> "-";
            case 0xffae -> ".";
            case 0xffaf -> "/";
            default -> "";
        };
    }
}
