package dev.deskpilot.perception;

import dev.deskpilot.actions.Rect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts text lines in the order a person reads a screen: row by row from the top, each row from
 * left to right. Lines are in one row when they overlap vertically by at least half the lower of
 * the two, so buttons whose captions sit a pixel apart (a taller caption, a different font) still
 * read left to right rather than by their top edge.
 */
final class ReadingOrder {
    private ReadingOrder() {}

    /** The lines in reading order; a new list. */
    static List<TextLine> of(List<TextLine> lines) {
        List<TextLine> byTop = new ArrayList<>(lines);
        byTop.sort(Comparator.comparingInt((TextLine l) -> l.box().y())
                .thenComparingInt(l -> l.box().x()));
        List<TextLine> ordered = new ArrayList<>(lines.size());
        List<TextLine> row = new ArrayList<>();
        Rect rowStart = null;
        for (TextLine line : byTop) {
            if (rowStart != null && !sameRow(rowStart, line.box())) {
                flush(row, ordered);
                rowStart = null;
            }
            if (rowStart == null) {
                rowStart = line.box();
            }
            row.add(line);
        }
        flush(row, ordered);
        return ordered;
    }

    /** Whether {@code b} overlaps the row's first line {@code a} by half the lower height or more. */
    private static boolean sameRow(Rect a, Rect b) {
        int overlap = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        return overlap > 0 && 2 * overlap >= Math.min(a.height(), b.height());
    }

    private static void flush(List<TextLine> row, List<TextLine> into) {
        row.sort(Comparator.comparingInt((TextLine l) -> l.box().x()));
        into.addAll(row);
        row.clear();
    }
}
