package dev.deskpilot.tasks.env;

import java.util.Objects;

/**
 * How a scene looks: colours (as 0xRRGGBB), font, sizes and widget styles. Families draw one at
 * random per instance, so that a policy learns the task, not one look.
 *
 * @param desktop the screen around the window
 * @param window the window's background
 * @param surface cards, panels, popups and dialogs
 * @param text ordinary text
 * @param muted secondary text, placeholders, separators
 * @param accent primary buttons, selections, slider fills, links
 * @param onAccent text drawn on {@code accent}
 * @param border field and widget outlines
 * @param field the inside of text fields and drop-downs
 * @param fontFamily a font family name; an uninstalled one falls back to Java's Dialog font
 * @param fontSize the base text size in pixels
 * @param radius corner radius of buttons, fields and cards, in pixels (0 = square)
 * @param buttonStyle how buttons are drawn
 * @param fieldStyle how text fields are drawn
 * @param titleBar height of a window title bar drawn at the top of the window, 0 for none
 * @param titleBarColor the title bar's background
 * @param titleTextColor the title bar's text
 */
public record Theme(
        int desktop,
        int window,
        int surface,
        int text,
        int muted,
        int accent,
        int onAccent,
        int border,
        int field,
        String fontFamily,
        int fontSize,
        int radius,
        ButtonStyle buttonStyle,
        FieldStyle fieldStyle,
        int titleBar,
        int titleBarColor,
        int titleTextColor) {

    /** How buttons are drawn. */
    public enum ButtonStyle {
        /** a solid fill, primary buttons in the accent colour */
        FILLED,
        /** a coloured outline on the window background */
        OUTLINE,
        /** a raised, bevelled look, as older desktop toolkits draw */
        BEVEL,
        /** fully rounded ends */
        PILL,
        /** text on a faint tint, no outline */
        FLAT
    }

    /** How text fields and drop-downs are drawn. */
    public enum FieldStyle {
        /** a rectangle with an outline */
        BOX,
        /** only a line underneath */
        UNDERLINE,
        /** a sunken, bevelled box */
        INSET,
        /** a filled box without an outline */
        FILLED
    }

    public Theme {
        Objects.requireNonNull(fontFamily, "fontFamily");
        Objects.requireNonNull(buttonStyle, "buttonStyle");
        Objects.requireNonNull(fieldStyle, "fieldStyle");
        if (fontSize < 8 || fontSize > 40) {
            throw new IllegalArgumentException("fontSize must be 8..40, was " + fontSize);
        }
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative, was " + radius);
        }
        if (titleBar < 0) {
            throw new IllegalArgumentException("titleBar must not be negative, was " + titleBar);
        }
    }
}
