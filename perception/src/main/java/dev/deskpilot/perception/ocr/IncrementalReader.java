package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.TextLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a sequence of frames, re-reading only what changed since the previous one: an agent's
 * step usually changes a button, a field or a dialog, not the whole screen.
 *
 * <p>The frames are compared in tiles; changed tiles are grouped into regions, each region grows
 * to cover every previously read line it touches, and only the regions are detected again. A
 * line detected at a region's edge may continue outside it, so such a region grows and is
 * detected again. Lines outside every region are kept; a line re-detected with exactly its old
 * box over unchanged pixels keeps its old reading without being recognised again.
 */
public final class IncrementalReader {
    /** Side of the squares the frames are compared in. */
    static final int TILE = 16;
    /** Context kept around changed pixels, so the detector sees whole glyphs. */
    static final int MARGIN = 8;
    /** When regions would cover more than this share of the frame, one full read is cheaper. */
    static final double FULL_READ_SHARE = 0.5;
    /** Regions stop growing after this many rounds; the frame is then read whole. */
    static final int MAX_ROUNDS = 6;

    private final OcrEngine engine;
    private Pixels previous;
    private List<OcrEngine.ReadLine> lines = List.of();
    private Stats lastStats = new Stats(0, 0, 0, true);

    public IncrementalReader(OcrEngine engine) {
        this.engine = engine;
    }

    /**
     * What the last {@link #read} did: how many pixels were detected again, how many lines were
     * recognised, how many were kept, and whether it was a full read.
     */
    public record Stats(long detectedPixels, int recognisedLines, int keptLines, boolean fullRead) {}

    /** The lines in {@code current}, top to bottom then left to right. */
    public List<TextLine> read(Pixels current) {
        if (previous == null || !previous.sameSize(current)) {
            return remember(current, fullRead(current));
        }
        List<Rect> changed = changedRegions(previous, current);
        if (changed.isEmpty()) {
            lastStats = new Stats(0, 0, lines.size(), false);
            return remember(current, lines);
        }
        List<Rect> regions = changed;
        List<List<Rect>> detections = List.of();
        Map<Rect, List<Rect>> detected = new HashMap<>();
        boolean settled = false;
        for (int round = 0; round < MAX_ROUNDS && !settled; round++) {
            regions = closeOver(regions, current.bounds());
            if (area(regions) > FULL_READ_SHARE * current.width() * current.height()) {
                return remember(current, fullRead(current));
            }
            detections = new ArrayList<>();
            List<Rect> grown = new ArrayList<>();
            settled = true;
            for (Rect region : regions) {
                List<Rect> boxes = detected.computeIfAbsent(region, r -> engine.detect(current, r));
                detections.add(boxes);
                Rect next = region;
                for (Rect box : boxes) {
                    next = growPast(next, box, region, current.bounds());
                }
                settled &= next.equals(region);
                grown.add(next);
            }
            regions = grown;
        }
        if (!settled) {
            return remember(current, fullRead(current));
        }
        List<OcrEngine.ReadLine> kept = new ArrayList<>();
        for (var line : lines) {
            if (regions.stream().noneMatch(r -> Boxes.intersects(r, line.detected()))) {
                kept.add(line);
            }
        }
        List<Rect> toRecognise = new ArrayList<>();
        List<OcrEngine.ReadLine> reused = new ArrayList<>();
        for (List<Rect> boxes : detections) {
            for (Rect box : boxes) {
                var old = unchangedReading(box, current);
                if (old != null) {
                    reused.add(old);
                } else {
                    toRecognise.add(box);
                }
            }
        }
        List<OcrEngine.ReadLine> result = new ArrayList<>(kept);
        result.addAll(reused);
        result.addAll(engine.recognize(current, toRecognise));
        lastStats = new Stats(area(regions), toRecognise.size(), kept.size() + reused.size(), false);
        return remember(current, result);
    }

    /** Drops the remembered frame: the next read is a full one. */
    public void forget() {
        previous = null;
        lines = List.of();
    }

    public Stats lastStats() {
        return lastStats;
    }

    private List<OcrEngine.ReadLine> fullRead(Pixels current) {
        List<OcrEngine.ReadLine> all = engine.readAll(current);
        lastStats = new Stats((long) current.width() * current.height(), all.size(), 0, true);
        return all;
    }

    private List<TextLine> remember(Pixels current, List<OcrEngine.ReadLine> read) {
        List<OcrEngine.ReadLine> sorted = new ArrayList<>(read);
        sorted.sort(
                Comparator.comparingInt((OcrEngine.ReadLine l) -> l.line().box().y())
                        .thenComparingInt(l -> l.line().box().x()));
        previous = current;
        lines = List.copyOf(sorted);
        return lines.stream().map(OcrEngine.ReadLine::line).toList();
    }

    /** The previous reading of a box the detector found again in the same place over the same pixels. */
    private OcrEngine.ReadLine unchangedReading(Rect box, Pixels current) {
        for (var line : lines) {
            if (line.detected().equals(box) && samePixels(previous, current, box)) {
                return line;
            }
        }
        return null;
    }

    /**
     * Grows {@code region} past {@code box} where the box was cut by the region's edge (and that
     * edge is not the frame's): the text may go on outside.
     */
    private static Rect growPast(Rect next, Rect box, Rect region, Rect frame) {
        int step = Math.max(32, 2 * box.height());
        int left = box.x() == region.x() && region.x() > frame.x() ? step : 0;
        int top = box.y() == region.y() && region.y() > frame.y() ? step : 0;
        int right = Boxes.right(box) == Boxes.right(region) && Boxes.right(region) < Boxes.right(frame) ? step : 0;
        int bottom = Boxes.bottom(box) == Boxes.bottom(region) && Boxes.bottom(region) < Boxes.bottom(frame) ? step : 0;
        if (left + top + right + bottom == 0) {
            return next;
        }
        return Boxes.union(next, Boxes.grow(region, left, top, right, bottom, frame));
    }

    /**
     * Grows regions over every remembered line they touch and merges overlapping regions, until
     * neither changes anything.
     */
    private List<Rect> closeOver(List<Rect> regions, Rect frame) {
        List<Rect> current = new ArrayList<>(regions);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < current.size(); i++) {
                Rect r = current.get(i);
                for (var line : lines) {
                    if (Boxes.intersects(r, line.detected()) && !Boxes.contains(r, line.detected())) {
                        r = Boxes.union(r, Boxes.grow(line.detected(), MARGIN / 2, frame));
                    }
                }
                if (!r.equals(current.get(i))) {
                    current.set(i, r);
                    changed = true;
                }
            }
            for (int i = 0; i < current.size() && !changed; i++) {
                for (int j = i + 1; j < current.size(); j++) {
                    if (Boxes.intersects(current.get(i), current.get(j))) {
                        current.set(i, Boxes.union(current.get(i), current.get(j)));
                        current.remove(j);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private static long area(List<Rect> regions) {
        long sum = 0;
        for (Rect r : regions) {
            sum += (long) r.width() * r.height();
        }
        return sum;
    }

    /** Regions (tile-aligned, with a margin) covering every pixel that differs between the frames. */
    static List<Rect> changedRegions(Pixels before, Pixels after) {
        int w = before.width();
        int h = before.height();
        int cols = (w + TILE - 1) / TILE;
        int rows = (h + TILE - 1) / TILE;
        boolean[] dirty = new boolean[cols * rows];
        boolean any = false;
        int[] a = before.rgb();
        int[] b = after.rgb();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            if (Arrays.equals(a, row, row + w, b, row, row + w)) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                int from = row + c * TILE;
                int to = row + Math.min(w, (c + 1) * TILE);
                if (!dirty[(y / TILE) * cols + c] && !Arrays.equals(a, from, to, b, from, to)) {
                    dirty[(y / TILE) * cols + c] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return List.of();
        }
        float[] map = new float[dirty.length];
        for (int i = 0; i < dirty.length; i++) {
            map[i] = dirty[i] ? 1 : 0;
        }
        List<Rect> regions = new ArrayList<>();
        for (Rect tiles : Components.label(map, cols, cols, rows, 0.5f)) {
            Rect pixels = new Rect(tiles.x() * TILE, tiles.y() * TILE, tiles.width() * TILE, tiles.height() * TILE);
            regions.add(Boxes.grow(pixels, MARGIN, after.bounds()));
        }
        return regions;
    }

    private static boolean samePixels(Pixels a, Pixels b, Rect box) {
        for (int y = box.y(); y < Boxes.bottom(box); y++) {
            int from = y * a.width() + box.x();
            if (!Arrays.equals(a.rgb(), from, from + box.width(), b.rgb(), from, from + box.width())) {
                return false;
            }
        }
        return true;
    }
}
