package dev.deskpilot.tasks.families;

import dev.deskpilot.tasks.env.Theme;
import java.awt.Color;
import java.util.List;

/** Random looks: light and dark palettes, accent hues, fonts, sizes, corner radii and widget styles. */
final class Themes {
    private Themes() {}

    /**
     * Font families draws choose from. The list does not depend on what is installed, so a seed
     * makes the same choices everywhere; where a font is missing, Java draws (and measures) with
     * its Dialog font instead. The launcher installs them all (Debian's fonts-dejavu-core and -extra,
     * fonts-liberation2, fonts-freefont-ttf, fonts-crosextra-carlito).
     */
    private static final List<String> FONTS = List.of(
            "DejaVu Sans",
            "DejaVu Serif",
            "DejaVu Sans Mono",
            "DejaVu Sans Condensed",
            "Liberation Sans",
            "Liberation Serif",
            "Liberation Mono",
            "FreeSans",
            "FreeSerif",
            "Carlito",
            "DejaVu Sans Light",
            "DejaVu Serif Condensed",
            "FreeMono");

    static Theme random(Rng rng) {
        boolean dark = rng.chance(0.25);
        float hue = (float) rng.unit();
        Color window;
        Color text;
        Color surface;
        Color field;
        if (dark) {
            int base = rng.between(0x18, 0x34);
            window = tint(base, hue, rng.between(0, 10));
            text = grey(rng.between(0xd8, 0xf4));
            surface = brighten(window, rng.between(8, 20));
            field = brighten(window, rng.between(4, 16));
        } else {
            int base = rng.between(0xea, 0xff);
            window = tint(base, hue, rng.between(0, 8));
            text = grey(rng.between(0x10, 0x40));
            surface = rng.chance(0.5) ? Color.WHITE : brighten(window, -rng.between(6, 14));
            field = rng.chance(0.7) ? Color.WHITE : brighten(window, -4);
        }
        float accentHue = rng.chance(0.5) ? hue : (float) rng.unit();
        Color accent = Color.getHSBColor(
                accentHue,
                0.45f + (float) rng.unit() * 0.45f,
                dark ? 0.7f + (float) rng.unit() * 0.25f : 0.42f + (float) rng.unit() * 0.33f);
        Color onAccent = luminance(accent) > 0.6 ? grey(0x10) : Color.WHITE;
        Color muted = mix(window, text, 0.55);
        Color border = mix(window, text, 0.2 + rng.unit() * 0.25);
        Color desktop =
                Color.getHSBColor((float) rng.unit(), (float) rng.unit() * 0.5f, 0.15f + (float) rng.unit() * 0.5f);
        int titleBar = rng.chance(0.55) ? rng.between(24, 34) : 0;
        Color bar = rng.pick(mix(accent, Color.BLACK, 0.35), grey(rng.between(0x30, 0xe0)), mix(window, text, 0.1));
        Color barText = luminance(bar) > 0.55 ? grey(0x20) : grey(0xf0);
        return new Theme(
                rgb(desktop),
                rgb(window),
                rgb(surface),
                rgb(text),
                rgb(muted),
                rgb(accent),
                rgb(onAccent),
                rgb(border),
                rgb(field),
                rng.pick(FONTS),
                rng.between(12, 19),
                rng.pick(0, 0, 2, 3, 4, 6, 8, 12),
                rng.pick(Theme.ButtonStyle.values()),
                rng.pick(Theme.FieldStyle.values()),
                titleBar,
                rgb(bar),
                rgb(barText));
    }

    private static Color tint(int level, float hue, int amount) {
        Color h = Color.getHSBColor(hue, 1f, 1f);
        return new Color(
                clamp(level + (h.getRed() - 128) * amount / 128),
                clamp(level + (h.getGreen() - 128) * amount / 128),
                clamp(level + (h.getBlue() - 128) * amount / 128));
    }

    private static Color brighten(Color c, int by) {
        return new Color(clamp(c.getRed() + by), clamp(c.getGreen() + by), clamp(c.getBlue() + by));
    }

    private static Color grey(int v) {
        return new Color(v, v, v);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(
                clamp((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t)),
                clamp((int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t)),
                clamp((int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t)));
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static int rgb(Color c) {
        return c.getRGB() & 0xffffff;
    }
}
