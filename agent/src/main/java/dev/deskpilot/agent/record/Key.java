package dev.deskpilot.agent.record;

import java.util.Objects;

/**
 * A key as the recorder sees it.
 *
 * @param name the key's UI-TARS hotkey name ({@code ctrl}, {@code a}, {@code enter}, {@code f5},
 *     {@code -}, …), independent of Shift; empty for a key with no such name
 * @param text the text the key typed with the Shift state it was pressed in ({@code "A"}, {@code
 *     ":"}, {@code " "}), empty for a key that types nothing (Enter, Tab, arrows, modifiers)
 * @param modifier whether it is Ctrl, Shift, Alt or Meta
 */
record Key(String name, String text, boolean modifier) {
    /** What a character outside the keyboard map arrives as: the hook reports no key and no text. */
    static final Key UNIDENTIFIED = new Key("", String.valueOf(Keys.UNKNOWN_CHARACTER), false);

    Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    boolean unidentified() {
        return equals(UNIDENTIFIED);
    }

    boolean types() {
        return !text.isEmpty();
    }

    boolean is(String keyName) {
        return name.equals(keyName);
    }
}
