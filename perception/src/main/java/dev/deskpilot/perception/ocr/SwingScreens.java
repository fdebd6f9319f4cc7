package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.Word;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

/**
 * Screens with known text, rendered by Swing into an image: labels and buttons in one font, and
 * the box of every word as Swing laid it out. They measure the reader (accuracy and speed)
 * against a real renderer's truth without a display.
 */
public final class SwingScreens {
    /** Texts typical of desktop UIs: mixed case, digits, some punctuation. */
    static final List<String> TEXTS = List.of(
            "File",
            "Edit",
            "View",
            "Save",
            "Open recent",
            "Preferences",
            "Username:",
            "Password:",
            "Sign in",
            "Cancel",
            "Apply",
            "Total: 42.50",
            "Help",
            "3 items selected",
            "Delete",
            "Rename",
            "Export PDF",
            "Zoom 125%",
            "Page 2 of 14",
            "Search",
            "Settings",
            "Log out",
            "New folder",
            "Download",
            "Upload",
            "Refresh",
            "Back",
            "Next",
            "Finish",
            "Version 1.4.2",
            "Status: Ready",
            "Connected",
            "Error",
            "Warning",
            "Retry",
            "Name",
            "Email address",
            "Phone number",
            "Country",
            "Submit",
            "Reset",
            "Show details",
            "Hide",
            "Copy link",
            "Share",
            "Print",
            "Close",
            "Quit",
            "Undo",
            "Redo",
            "Paste",
            "Select all",
            "Find and replace",
            "Bold",
            "Italic",
            "Font size",
            "Inbox (12)",
            "Drafts",
            "Archive",
            "Monday, June 3",
            "10:45 AM",
            "invoice_2024.pdf",
            "Add to cart",
            "Checkout",
            "Remember me",
            "Forgot password?",
            "Terms of Service",
            "Privacy",
            "Notifications",
            "Dark mode",
            "Language",
            "English",
            "Upload complete",
            "Free space: 18 GB",
            "CPU 37%",
            "Run tests",
            "Build #1289",
            "Merge branch",
            "Pull request",
            "OK");

    private SwingScreens() {}

    /** The texts the screens show: typical UI strings with digits and punctuation. */
    public static List<String> texts() {
        return TEXTS;
    }

    /**
     * A rendered screen and the words Swing drew on it.
     *
     * @param truth the words as drawn, every character visible
     * @param illegible words with a character that the font drew without a single pixel (at small
     *     sizes without antialiasing, thin fonts lose their dots and colons): no reader can see
     *     them, so scores ignore them and whatever is read over them
     */
    public record Screen(BufferedImage image, List<Word> truth, List<Word> illegible) {
        public Screen {
            Objects.requireNonNull(image, "image");
            truth = List.copyOf(truth);
            illegible = List.copyOf(illegible);
        }
    }

    /**
     * A {@code width x height} screen of labels and buttons in {@code font}, their texts drawn
     * from {@link #TEXTS} by {@code seed}, as many as fit.
     *
     * @param antialiased whether text is antialiased; Swing under Xvfb without desktop settings
     *     draws it aliased
     */
    public static Screen labelsAndButtons(int width, int height, Font font, boolean antialiased, long seed) {
        return onEventThread(() -> render(width, height, font, antialiased, seed));
    }

    private static Screen render(int width, int height, Font font, boolean antialiased, long seed) {
        var random = new Random(seed);
        var panel = new JPanel(new FlowLayout(FlowLayout.LEFT, 18, 14));
        panel.setSize(width, height);
        panel.setPreferredSize(new Dimension(width, height));
        List<JComponent> parts = new ArrayList<>();
        // More components than can fit; the ones that flow off the bottom are dropped below.
        int count = width * height / (font.getSize() * 150) + 10;
        for (int i = 0; i < count; i++) {
            String text = TEXTS.get(random.nextInt(TEXTS.size()));
            JComponent part = random.nextInt(3) == 0 ? new JButton(text) : new JLabel(text);
            part.setFont(font);
            part.putClientProperty(
                    RenderingHints.KEY_TEXT_ANTIALIASING,
                    antialiased ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            panel.add(part);
            parts.add(part);
        }
        panel.addNotify();
        panel.validate();
        for (JComponent part : parts) {
            if (part.getY() + part.getHeight() > height || part.getX() + part.getWidth() > width) {
                panel.remove(part);
            }
        }
        panel.validate();
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            panel.paint(g);
        } finally {
            g.dispose();
        }
        List<Word> truth = new ArrayList<>();
        List<Word> illegible = new ArrayList<>();
        for (Component part : panel.getComponents()) {
            for (Word word : words((JComponent) part, panel)) {
                (visible(word.text(), font, antialiased) ? truth : illegible).add(word);
            }
        }
        return new Screen(image, truth, illegible);
    }

    /** Whether every character of {@code text} leaves at least one pixel when drawn alone. */
    private static boolean visible(String text, Font font, boolean antialiased) {
        int side = font.getSize() * 3;
        var probe = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING,
                    antialiased ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setFont(font);
            for (int i = 0; i < text.length(); i++) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, side, side);
                g.setColor(Color.BLACK);
                g.drawString(text.substring(i, i + 1), font.getSize() / 2, font.getSize() * 2);
                boolean ink = false;
                for (int y = 0; y < side && !ink; y++) {
                    for (int x = 0; x < side && !ink; x++) {
                        ink = (probe.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
                    }
                }
                if (!ink) {
                    return false;
                }
            }
            return true;
        } finally {
            g.dispose();
        }
    }

    /** The boxes of a label's or button's words, laid out as its UI delegate lays them out. */
    private static List<Word> words(JComponent part, Container root) {
        String text;
        int vAlign, hAlign, vPos, hPos, gap;
        if (part instanceof JLabel label) {
            text = label.getText();
            vAlign = label.getVerticalAlignment();
            hAlign = label.getHorizontalAlignment();
            vPos = label.getVerticalTextPosition();
            hPos = label.getHorizontalTextPosition();
            gap = label.getIconTextGap();
        } else if (part instanceof AbstractButton button) {
            text = button.getText();
            vAlign = button.getVerticalAlignment();
            hAlign = button.getHorizontalAlignment();
            vPos = button.getVerticalTextPosition();
            hPos = button.getHorizontalTextPosition();
            gap = button.getIconTextGap();
        } else {
            throw new IllegalArgumentException("not a label or button: " + part);
        }
        FontMetrics fm = part.getFontMetrics(part.getFont());
        Insets in = part.getInsets();
        var view = new Rectangle(
                in.left, in.top, part.getWidth() - in.left - in.right, part.getHeight() - in.top - in.bottom);
        var iconR = new Rectangle();
        var textR = new Rectangle();
        String shown = SwingUtilities.layoutCompoundLabel(
                part, fm, text, null, vAlign, hAlign, vPos, hPos, view, iconR, textR, gap);
        if (!shown.equals(text)) {
            throw new IllegalStateException("Swing clipped '" + text + "' to '" + shown + "'");
        }
        List<Word> words = new ArrayList<>();
        int start = 0;
        for (String word : text.split(" ")) {
            int at = text.indexOf(word, start);
            int x = textR.x + fm.stringWidth(text.substring(0, at));
            var box = SwingUtilities.convertRectangle(
                    part, new Rectangle(x, textR.y, fm.stringWidth(word), textR.height), root);
            words.add(new Word(word, new Rect(box.x, box.y, box.width, box.height), 1.0));
            start = at + word.length();
        }
        return words;
    }

    private interface Work<T> {
        T run();
    }

    private static <T> T onEventThread(Work<T> work) {
        if (SwingUtilities.isEventDispatchThread()) {
            return work.run();
        }
        List<T> result = new ArrayList<>(1);
        try {
            SwingUtilities.invokeAndWait(() -> result.add(work.run()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering a Swing screen", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("rendering a Swing screen failed", e.getCause());
        }
        return result.get(0);
    }
}
