package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.tasks.env.Widget;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Wrapped text with links. Words are laid out once, when the view is made, so each link's place
 * is known: a link is located at its first word run on its first line.
 */
final class ParagraphView extends Painted {
    private static final long serialVersionUID = 1L;

    /** One run of words on one line. */
    private record Run(String text, int x, int line, String linkId, int width) {}

    private final transient List<Run> runs = new ArrayList<>();
    private final Map<String, Rectangle> linkBoxes = new LinkedHashMap<>();
    private final Map<String, List<Rectangle>> linkAreas = new LinkedHashMap<>();

    ParagraphView(Look look, Widget.Paragraph p, Consumer<String> onLink) {
        super((g, c) -> {});
        Font font = look.font(p.size(), false);
        FontMetrics fm = metrics(font);
        int lineHeight = fm.getHeight() + Math.max(2, p.size() / 3);
        int width = p.bounds().width();
        int x = 0;
        int line = 0;
        int space = fm.stringWidth(" ");
        for (Widget.Span span : p.spans()) {
            for (String word : span.text().split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                int w = fm.stringWidth(word);
                if (x > 0 && x + w > width) {
                    line++;
                    x = 0;
                }
                runs.add(new Run(word, x, line, span.linkId(), w));
                if (span.isLink()) {
                    // A link's hit area on each line runs across its words and the spaces between them.
                    Rectangle r = new Rectangle(x, line * lineHeight, w, lineHeight);
                    List<Rectangle> areas = linkAreas.computeIfAbsent(span.linkId(), k -> new ArrayList<>());
                    if (!areas.isEmpty() && areas.getLast().y == r.y) {
                        areas.set(areas.size() - 1, areas.getLast().union(r));
                    } else {
                        areas.add(r);
                    }
                    linkBoxes.put(span.linkId(), areas.getFirst());
                }
                x += w + space;
            }
        }
        painter((g, c) -> paintRuns(g, look, font, fm, lineHeight));
        Clicks.onClickAt(
                this,
                point -> linkAreas.forEach((id, areas) -> {
                    if (areas.stream().anyMatch(a -> a.contains(point))) {
                        onLink.accept(id);
                    }
                }));
    }

    private void paintRuns(Graphics2D g, Look look, Font font, FontMetrics fm, int lineHeight) {
        g.setFont(font);
        int baseline = (lineHeight - fm.getHeight()) / 2 + fm.getAscent();
        for (Run r : runs) {
            int y = r.line() * lineHeight + baseline;
            if (r.linkId().isEmpty()) {
                g.setColor(look.text);
                g.drawString(r.text(), r.x(), y);
            } else {
                g.setColor(look.accent);
                g.drawString(r.text(), r.x(), y);
            }
        }
        g.setColor(look.accent);
        for (List<Rectangle> areas : linkAreas.values()) {
            for (Rectangle a : areas) {
                g.fillRect(a.x, a.y + baseline + 2, a.width, 1);
            }
        }
    }

    /** The link ids and where each is, in this view's pixels. */
    Map<String, Rectangle> links() {
        return linkBoxes;
    }

    static FontMetrics metrics(Font font) {
        Graphics2D g = Look.smooth(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics());
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
