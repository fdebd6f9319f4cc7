package dev.deskpilot.actions;

import java.util.Locale;

/** The four directions of UI-TARS's {@code scroll(direction=…)}. */
public enum ScrollDirection {
    UP,
    DOWN,
    LEFT,
    RIGHT;

    /** The lowercase word the action grammar uses. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the grammar's word; throws naming the accepted words otherwise. */
    public static ScrollDirection fromWord(String word) {
        for (ScrollDirection d : values()) {
            if (d.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("scroll direction must be up, down, left or right, was '" + word + "'");
    }
}
