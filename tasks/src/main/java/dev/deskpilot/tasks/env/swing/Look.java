package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.tasks.env.Theme;
import dev.deskpilot.tasks.env.Widget;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * A {@link Theme} as AWT colours and fonts, with the drawing every widget shares. Painting sets
 * its own rendering hints, so a scene looks the same painted headless and on an X display.
 */
final class Look {
    final Theme theme;
    final Color desktop;
    final Color window;
    final Color surface;
    final Color text;
    final Color muted;
    final Color accent;
    final Color onAccent;
    final Color border;
    final Color field;
    final Color danger;

    Look(Theme theme) {
        this.theme = theme;
        desktop = new Color(theme.desktop());
        window = new Color(theme.window());
        surface = new Color(theme.surface());
        text = new Color(theme.text());
        muted = new Color(theme.muted());
        accent = new Color(theme.accent());
        onAccent = new Color(theme.onAccent());
        border = new Color(theme.border());
        field = new Color(theme.field());
        danger = isDark() ? new Color(0xef5350) : new Color(0xc62828);
    }

    boolean isDark() {
        return luminance(window) < 0.45;
    }

    static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }

    Font font(int size, boolean bold) {
        return new Font(theme.fontFamily(), bold ? Font.BOLD : Font.PLAIN, size);
    }

    Font font() {
        return font(theme.fontSize(), false);
    }

    Color tone(Widget.Tone tone) {
        return switch (tone) {
            case NORMAL, HEADING -> text;
            case MUTED -> muted;
            case ACCENT -> accent;
        };
    }

    /** A colour between {@code a} and {@code b}: 0 is {@code a}, 1 is {@code b}. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** A faint version of the accent on the window background, for selections and hover-like tints. */
    Color accentSoft() {
        return mix(window, accent, 0.22);
    }

    static Graphics2D smooth(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g2;
    }

    /** Draws {@code s} centred vertically in a box of height {@code h} starting at {@code x}. */
    static void textLeft(Graphics2D g, String s, int x, int h) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x, (h - fm.getHeight()) / 2 + fm.getAscent());
    }

    /** Draws {@code s} centred in a {@code w}×{@code h} box at the origin, cut with … if too wide. */
    static void textCentered(Graphics2D g, String s, int w, int h) {
        FontMetrics fm = g.getFontMetrics();
        String shown = fit(fm, s, w - 4);
        g.drawString(shown, (w - fm.stringWidth(shown)) / 2, (h - fm.getHeight()) / 2 + fm.getAscent());
    }

    static String fit(FontMetrics fm, String s, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String cut = s.substring(0, n) + "…";
            if (fm.stringWidth(cut) <= width) {
                return cut;
            }
        }
        return "…";
    }

    int radius(int h) {
        return theme.buttonStyle() == Theme.ButtonStyle.PILL ? h : Math.min(theme.radius() * 2, h);
    }

    /** Paints a button's body and label in a {@code w}×{@code h} box at the origin. */
    void paintButton(Graphics2D g, int w, int h, String label, Widget.Emphasis emphasis, int size) {
        Color base = switch (emphasis) {
            case PRIMARY -> accent;
            case DANGER -> danger;
            case SECONDARY, QUIET -> mix(window, text, isDark() ? 0.18 : 0.08);
        };
        Color ink = switch (emphasis) {
            case PRIMARY -> onAccent;
            case DANGER -> Color.WHITE;
            case SECONDARY -> text;
            case QUIET -> accent;
        };
        int r = radius(h);
        g.setFont(font(size, emphasis == Widget.Emphasis.PRIMARY));
        switch (theme.buttonStyle()) {
            case FILLED, PILL -> {
                if (emphasis != Widget.Emphasis.QUIET) {
                    g.setColor(base);
                    g.fillRoundRect(0, 0, w, h, r, r);
                }
                if (emphasis == Widget.Emphasis.SECONDARY) {
                    g.setColor(border);
                    g.drawRoundRect(0, 0, w - 1, h - 1, r, r);
                }
            }
            case OUTLINE -> {
                Color line = emphasis == Widget.Emphasis.SECONDARY ? border : base;
                if (emphasis != Widget.Emphasis.QUIET) {
                    g.setColor(line);
                    g.setStroke(new BasicStroke(emphasis == Widget.Emphasis.PRIMARY ? 2f : 1f));
                    g.drawRoundRect(1, 1, w - 3, h - 3, r, r);
                }
                ink = emphasis == Widget.Emphasis.SECONDARY
                        ? text
                        : (emphasis == Widget.Emphasis.QUIET ? accent : base);
            }
            case BEVEL -> {
                Color face = emphasis == Widget.Emphasis.QUIET ? window : base;
                g.setColor(face);
                g.fillRect(0, 0, w, h);
                g.setColor(mix(face, Color.WHITE, 0.6));
                g.drawLine(0, 0, w - 1, 0);
                g.drawLine(0, 0, 0, h - 1);
                g.setColor(mix(face, Color.BLACK, 0.45));
                g.drawLine(0, h - 1, w - 1, h - 1);
                g.drawLine(w - 1, 0, w - 1, h - 1);
            }
            case FLAT -> {
                if (emphasis != Widget.Emphasis.QUIET) {
                    g.setColor(mix(window, base, 0.25));
                    g.fillRoundRect(0, 0, w, h, r, r);
                }
                ink = switch (emphasis) {
                    case SECONDARY -> text;
                    case QUIET -> accent;
                    case PRIMARY, DANGER -> mix(base, text, isDark() ? 0.0 : 0.25);
                };
            }
        }
        g.setColor(ink);
        textCentered(g, label, w, h);
    }

    /** Paints the box of a text field or drop-down in a {@code w}×{@code h} box at the origin. */
    void paintFieldBox(Graphics2D g, int w, int h, boolean focused) {
        int r = Math.min(theme.radius() * 2, h);
        Color line = focused ? accent : border;
        switch (theme.fieldStyle()) {
            case BOX -> {
                g.setColor(field);
                g.fillRoundRect(0, 0, w, h, r, r);
                g.setColor(line);
                g.setStroke(new BasicStroke(focused ? 2f : 1f));
                g.drawRoundRect(focused ? 1 : 0, focused ? 1 : 0, w - (focused ? 3 : 1), h - (focused ? 3 : 1), r, r);
            }
            case UNDERLINE -> {
                g.setColor(field);
                g.fillRect(0, 0, w, h);
                g.setColor(line);
                g.fillRect(0, h - (focused ? 2 : 1), w, focused ? 2 : 1);
            }
            case INSET -> {
                g.setColor(field);
                g.fillRect(0, 0, w, h);
                g.setColor(mix(border, Color.BLACK, 0.3));
                g.drawLine(0, 0, w - 1, 0);
                g.drawLine(0, 0, 0, h - 1);
                g.setColor(mix(border, Color.WHITE, 0.5));
                g.drawLine(0, h - 1, w - 1, h - 1);
                g.drawLine(w - 1, 0, w - 1, h - 1);
                if (focused) {
                    g.setColor(accent);
                    g.drawRect(1, 1, w - 3, h - 3);
                }
            }
            case FILLED -> {
                g.setColor(mix(field, text, 0.07));
                g.fillRoundRect(0, 0, w, h, r, r);
                if (focused) {
                    g.setColor(accent);
                    g.fillRect(r / 2, h - 2, w - r, 2);
                }
            }
        }
    }
}
