package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.Theme;
import dev.deskpilot.tasks.env.Widget;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A scene being drawn up by a family: a random window and theme, the widgets placed so far, and
 * helpers to size widgets to their text (measured with the theme's real font) and to find free
 * room. Families place the widgets that matter first and fill the rest with distractors.
 */
final class Sketch {
    final Rng rng;
    final Size screen;
    final Theme theme;
    final Rect window;
    /**
     * Where widgets may go, in window pixels: inside the margins and below any title bar, and
     * outside the app's frame when {@link #chrome()} drew one.
     */
    Rect content;

    final int fs;

    private final List<Widget> widgets = new ArrayList<>();
    private final List<Rect> taken = new ArrayList<>();
    private int ids;

    /**
     * A sketch whose window is at least {@code minWidth}×{@code minHeight} (capped to the screen)
     * and otherwise of random size and place.
     */
    Sketch(Rng rng, Size screen, int minWidth, int minHeight) {
        this.rng = rng;
        this.screen = screen;
        this.theme = Themes.random(rng);
        this.fs = theme.fontSize();
        int w = rng.between(Math.min(minWidth, screen.width()), screen.width());
        int h = rng.between(Math.min(minHeight, screen.height()), screen.height());
        if (rng.chance(0.3)) {
            w = screen.width();
            h = screen.height();
        }
        this.window = new Rect(rng.between(0, screen.width() - w), rng.between(0, screen.height() - h), w, h);
        int margin = rng.between(16, 40);
        int top = theme.titleBar() + rng.between(12, 28);
        this.content = new Rect(margin, top, w - 2 * margin, h - top - margin);
    }

    /**
     * Frames the content the way real apps and sites are framed, each part by chance: a header bar
     * with the app's name, navigation and sometimes a search field; a navigation sidebar on the
     * left or right; a breadcrumb; a footer or status line. None of it is the task: its buttons do
     * nothing and its field is in no goal. The content area shrinks to what is left.
     */
    void chrome() {
        int top = content.y();
        int left = content.x();
        int right = content.x() + content.width();
        int bottom = content.y() + content.height();
        String app = rng.pick(Words.APPS);
        List<String> nav = rng.sample(Words.NAV, 12);
        int navFont = Math.max(11, fs - rng.between(0, 2));
        if (rng.chance(0.35)) {
            int h = fs + rng.between(20, 34);
            int y = theme.titleBar();
            add(new Widget.Panel(id("header"), new Rect(0, y, window.width(), h), true, rng.chance(0.5)));
            Widget.Label name = label(app, 16, y + (h - textHeight(fs + 3) - 4) / 2, fs + 3, true, Widget.Tone.ACCENT);
            addLoose(name);
            int x = window.width() - 16;
            int items = rng.between(2, 4);
            for (int i = 0; i < items; i++) {
                String item = nav.removeFirst();
                int w = textWidth(item, navFont, false) + 20;
                x -= w;
                if (x < name.bounds().x() + name.bounds().width() + 20) {
                    break;
                }
                addLoose(new Widget.Button(
                        id("nav"),
                        new Rect(x, y + (h - navFont - 14) / 2, w, navFont + 14),
                        item,
                        Widget.Emphasis.QUIET,
                        Widget.Effect.NONE));
                x -= 8;
            }
            int searchWidth = rng.between(160, 260);
            int searchX = name.bounds().x() + name.bounds().width() + 30;
            if (rng.chance(0.4) && searchX + searchWidth < x - 10) {
                addLoose(new Widget.TextField(
                        id("search"),
                        new Rect(searchX, y + 6, searchWidth, h - 12),
                        rng.pick("Search", "Search…", "Find anything", "Type to search"),
                        "",
                        false));
            }
            top = Math.max(top, y + h + rng.between(12, 24));
        }
        if (rng.chance(0.3)) {
            int w = rng.between(140, 210);
            boolean onLeft = rng.chance(0.75);
            int x = onLeft ? 0 : window.width() - w;
            int y = top - 6;
            int h = window.height() - y;
            add(new Widget.Panel(id("sidebar"), new Rect(x, y, w, h), true, rng.chance(0.5)));
            int rowH = navFont + rng.between(14, 22);
            int items = Math.min(nav.size(), Math.max(0, (h - 20) / rowH));
            for (int i = 0; i < Math.min(items, rng.between(4, 8)); i++) {
                String item = nav.removeFirst();
                addLoose(new Widget.Button(
                        id("nav"),
                        new Rect(x + 10, y + 12 + i * rowH, w - 20, rowH - 4),
                        item,
                        Widget.Emphasis.QUIET,
                        Widget.Effect.NONE));
            }
            if (onLeft) {
                left = Math.max(left, w + rng.between(16, 32));
            } else {
                right = Math.min(right, x - rng.between(16, 32));
            }
        }
        if (rng.chance(0.25)) {
            String text = rng.pick(Words.FOOTERS).formatted(app);
            int size = Math.max(10, fs - 3);
            int h = textHeight(size) + 10;
            Rect r = new Rect(left, window.height() - h - 4, Math.max(10, right - left), h);
            addLoose(new Widget.Label(id("footer"), r, text, size, false, Widget.Tone.MUTED));
            bottom = Math.min(bottom, r.y() - 8);
        }
        if (rng.chance(0.2)) {
            String crumbs = "Home › " + String.join(" › ", rng.sample(Words.NAV, rng.between(1, 2)));
            int size = Math.max(10, fs - 2);
            addLoose(label(crumbs, left, top, size, false, Widget.Tone.MUTED));
            top += textHeight(size) + 12;
        }
        content = new Rect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    String id(String prefix) {
        return prefix + (++ids);
    }

    /** The finished scene; a widget that does not lie wholly inside the window makes the draw a misfit. */
    Scene scene(String title) {
        Scene scene = new Scene(screen, window, title, theme, widgets);
        for (Widget w : dev.deskpilot.tasks.env.Scenes.all(scene)) {
            Rect b = w.bounds();
            if (b.x() < 0
                    || b.y() < theme.titleBar()
                    || b.x() + b.width() > window.width()
                    || b.y() + b.height() > window.height()) {
                throw new BaseFamily.Misfit(
                        w.id() + " at " + b + " is outside the " + window.width() + "x" + window.height() + " window");
            }
        }
        return scene;
    }

    /** Adds a widget and marks its bounds (plus a gap) as taken. */
    <T extends Widget> T add(T widget) {
        widgets.add(widget);
        take(widget.bounds());
        return widget;
    }

    /** Adds a widget without marking room as taken (e.g. contents of hidden tabs). */
    <T extends Widget> T addLoose(T widget) {
        widgets.add(widget);
        return widget;
    }

    void take(Rect r) {
        taken.add(r);
    }

    boolean isFree(Rect r) {
        if (r.x() < content.x()
                || r.y() < content.y()
                || r.x() + r.width() > content.x() + content.width()
                || r.y() + r.height() > content.y() + content.height()) {
            return false;
        }
        for (Rect t : taken) {
            if (overlaps(grow(t, 8), r)) {
                return false;
            }
        }
        return true;
    }

    static boolean overlaps(Rect a, Rect b) {
        return a.x() < b.x() + b.width()
                && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }

    static Rect grow(Rect r, int by) {
        return new Rect(r.x() - by, r.y() - by, r.width() + 2 * by, r.height() + 2 * by);
    }

    /** A random free spot for a {@code w}×{@code h} box in the content area, if one is found. */
    java.util.Optional<Rect> free(int w, int h) {
        if (w > content.width() || h > content.height()) {
            return java.util.Optional.empty();
        }
        for (int attempt = 0; attempt < 300; attempt++) {
            Rect r = new Rect(
                    content.x() + rng.between(0, content.width() - w),
                    content.y() + rng.between(0, content.height() - h),
                    w,
                    h);
            if (isFree(r)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /** The width of {@code text} in the theme's font. */
    int textWidth(String text, int size, boolean bold) {
        return METRICS.get()
                .apply(new Font(theme.fontFamily(), bold ? Font.BOLD : Font.PLAIN, size))
                .stringWidth(text);
    }

    int textHeight(int size) {
        return METRICS.get()
                .apply(new Font(theme.fontFamily(), Font.PLAIN, size))
                .getHeight();
    }

    private static final ThreadLocal<java.util.function.Function<Font, FontMetrics>> METRICS =
            ThreadLocal.withInitial(() -> {
                Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
                return g::getFontMetrics;
            });

    /** A button's size for {@code label}: the text plus random but theme-consistent padding. */
    Size buttonSize(String label, int padX, int padY) {
        return new Size(Math.max(textWidth(label, fs, true) + 2 * padX, 2 * fs + 2 * padX), fs + 2 * padY);
    }

    int fieldHeight() {
        return fs + 16;
    }

    Widget.Label label(String text, int x, int y, int size, boolean bold, Widget.Tone tone) {
        int h = textHeight(size) + 4;
        return new Widget.Label(
                id("label"), new Rect(x, y, textWidth(text, size, bold) + 6, h), text, size, bold, tone);
    }

    /** A heading at the top of the content area, taking its room. */
    Widget.Label heading(String text) {
        int size = fs + rng.between(4, 10);
        return add(label(text, content.x(), content.y(), size, true, Widget.Tone.HEADING));
    }

    /**
     * Fills free room with things that are not the task: muted notes, cards, and (if {@code
     * decoys} is not empty) buttons that end the task wrongly when pressed.
     */
    void distract(int notes, List<String> decoys) {
        for (int i = 0; i < notes; i++) {
            String text = rng.pick(Words.FILLER);
            int size = Math.max(10, fs - rng.between(0, 3));
            Widget.Label l = label(text, 0, 0, size, false, rng.chance(0.7) ? Widget.Tone.MUTED : Widget.Tone.NORMAL);
            free(l.bounds().width(), l.bounds().height())
                    .ifPresent(r -> add(new Widget.Label(l.id(), r, text, size, false, l.tone())));
        }
        int padX = rng.between(10, 22);
        int padY = rng.between(5, 10);
        for (String d : decoys) {
            Size s = buttonSize(d, padX, padY);
            free(s.width(), s.height())
                    .ifPresent(r -> add(new Widget.Button(
                            id("decoy"),
                            r,
                            d,
                            rng.pick(Widget.Emphasis.SECONDARY, Widget.Emphasis.QUIET, Widget.Emphasis.PRIMARY),
                            Widget.Effect.COMMIT)));
        }
    }

    static String quote(Rng rng, String s) {
        return switch (rng.between(0, 3)) {
            case 0 -> "'" + s + "'";
            case 1 -> "\"" + s + "\"";
            case 2 -> "“" + s + "”";
            default -> s;
        };
    }
}
