package dev.deskpilot.perception.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Decides the case of letters whose capital looks like a larger lower case ({@code c o p q s u v w x
 * y z}) from how tall their ink is, where the recogniser cannot tell: PP-OCR reads Liberation
 * Mono's {@code Settings} as {@code settings} and {@code Copy} as {@code copy}. Also reads an
 * {@code L} whose stem stands in the middle of its ink as {@code l} (Liberation Mono's {@code l}
 * has a foot as wide as its cell: {@code HeLp}).
 *
 * <p>Only characters whose ink can be told apart are measured: in a monospaced line, the
 * character's cell; elsewhere a run of ink columns between blank columns that holds the time step
 * of exactly one character, next to characters that stand alone too (a neighbour whose time step
 * falls on a blank column or on another's run may own part of it). The line's x-height comes from
 * letters the recogniser is sure are short ({@code a e m n r}) or, without any, from the lowest of
 * the case-ambiguous letters; its baseline from the bottoms of letters without descenders. A
 * letter read in lower case becomes a capital when its top stands clearly above the x-height; a
 * capital becomes lower case only when the line shows both heights (sure short letters, and sure
 * tall ones: other capitals, {@code b d h k l}, digits) and its top is at the short letters'.
 * Where the evidence is weaker, the letter is left as read.
 */
final class LetterCase {
    /** Letters whose capitals differ from them mainly in height. */
    private static final String AMBIGUOUS = "copqsuvwxyz";
    /** Lower-case letters that reach only the x-height and are never confused with capitals. */
    private static final String SHORT = "aemnr";
    /** Letters and digits that reach the cap height or above and have no confusable case. */
    private static final String TALL = "ABDEFGHJKLMNRTbdhkl0123456789";
    /** Letters whose ink goes below the baseline. */
    private static final String DESCENDERS = "gjpqy";
    /** How far above the x-height (times the x-height) a top must be to count as a capital's. */
    static final double CAPITAL_RISE = 0.12;
    /** ...and at least this many pixels: a round letter's overshoot can lift its top by one. */
    static final double MIN_RISE = 1.5;
    /** A top within this much (times the x-height) of the x-height is a lower-case letter's. */
    static final double SHORT_TOLERANCE = 0.1;
    /** Below this x-height in pixels, heights say too little. */
    static final int MIN_X_HEIGHT = 4;

    /** Glyphs narrower than this many pixels show no stem position. */
    static final int MIN_STEM_RUN = 4;
    /** An {@code L} whose stem is at least this far across its ink (0 left, 1 right) is an {@code l}. */
    static final double CENTRED_STEM = 0.3;

    private LetterCase() {}

    /** {@code characters} (no spaces) with case-ambiguous letters set by their height. */
    static List<Glyph> decide(InkProfile ink, List<Glyph> characters, OptionalDouble pitch) {
        if (characters.stream().noneMatch(g -> ambiguous(g.text()) || g.text().equals("L"))) {
            return characters;
        }
        // A stem's place needs the glyph's own ink alone: a monospaced cell can hold a neighbour's.
        characters = stemsInTheMiddle(ink, characters, extents(ink, characters, OptionalDouble.empty()));
        int[][] extents = extents(ink, characters, pitch);
        List<Integer> shortTops = new ArrayList<>();
        List<Integer> tallTops = new ArrayList<>();
        List<Integer> ambiguousTops = new ArrayList<>();
        List<Integer> bottoms = new ArrayList<>();
        for (int k = 0; k < characters.size(); k++) {
            if (extents[k] == null) {
                continue;
            }
            String text = characters.get(k).text();
            if (text.length() != 1) {
                continue;
            }
            char c = text.charAt(0);
            if (SHORT.indexOf(c) >= 0) {
                shortTops.add(extents[k][0]);
            } else if (TALL.indexOf(c) >= 0) {
                tallTops.add(extents[k][0]);
            } else if (ambiguous(text)) {
                ambiguousTops.add(extents[k][0]);
            }
            if (Character.isLetterOrDigit(c) && DESCENDERS.indexOf(Character.toLowerCase(c)) < 0) {
                bottoms.add(extents[k][1]);
            }
        }
        if (bottoms.isEmpty()) {
            return characters;
        }
        boolean sureShort = !shortTops.isEmpty();
        int xTop;
        if (sureShort) {
            xTop = median(shortTops);
        } else if (ambiguousTops.size() >= 2) {
            xTop = ambiguousTops.stream().mapToInt(Integer::intValue).max().orElseThrow();
        } else {
            return characters;
        }
        int xHeight = median(bottoms) - xTop + 1;
        if (xHeight < MIN_X_HEIGHT) {
            return characters;
        }
        // Where the x-height letters agree to the pixel, a capital one pixel taller shows (12 px text).
        int xTopRow = xTop;
        boolean sharpXHeight = shortTops.stream().allMatch(t -> t == xTopRow)
                && shortTops.size()
                                + ambiguousTops.stream()
                                        .filter(t -> t == xTopRow)
                                        .count()
                        >= 2;
        double rise = Math.max(sharpXHeight ? 1 : MIN_RISE, CAPITAL_RISE * xHeight);
        boolean bothHeights = sureShort && !tallTops.isEmpty() && median(tallTops) <= xTop - rise;
        List<Glyph> decided = new ArrayList<>(characters);
        for (int k = 0; k < characters.size(); k++) {
            Glyph g = characters.get(k);
            if (extents[k] == null || !ambiguous(g.text())) {
                continue;
            }
            int top = extents[k][0];
            String lower = g.text().toLowerCase();
            String upper = g.text().toUpperCase();
            if (top <= xTop - rise && !g.text().equals(upper)) {
                decided.set(k, new Glyph(upper, g.x(), g.probability(), g.spaceBefore()));
            } else if (bothHeights
                    && Math.abs(top - xTop) <= SHORT_TOLERANCE * xHeight
                    && !g.text().equals(lower)) {
                decided.set(k, new Glyph(lower, g.x(), g.probability(), g.spaceBefore()));
            }
        }
        return decided;
    }

    /**
     * {@code characters} with each {@code L} whose stem stands in the middle of its ink read as
     * {@code l}: Liberation Mono's {@code l} has a foot as wide as its cell and reads as {@code L}
     * ({@code HeLp}, {@code AppLy}), but a capital's stem is at its left.
     */
    private static List<Glyph> stemsInTheMiddle(InkProfile ink, List<Glyph> characters, int[][] extents) {
        List<Glyph> decided = new ArrayList<>(characters);
        int[] columns = ink.columnInk();
        for (int k = 0; k < characters.size(); k++) {
            Glyph g = characters.get(k);
            if (!g.text().equals("L") || extents[k] == null || extents[k][3] - extents[k][2] < MIN_STEM_RUN) {
                continue;
            }
            int start = extents[k][2];
            int stem = start;
            for (int x = start; x < extents[k][3]; x++) {
                if (columns[x] > columns[stem]) {
                    stem = x;
                }
            }
            if (stem - start >= CENTRED_STEM * (extents[k][3] - 1 - start)) {
                decided.set(k, new Glyph("l", g.x(), g.probability(), g.spaceBefore()));
            }
        }
        return decided;
    }

    private static boolean ambiguous(String text) {
        return text.length() == 1 && AMBIGUOUS.indexOf(Character.toLowerCase(text.charAt(0))) >= 0;
    }

    /**
     * Each character's ink top and bottom row (in the box), or null where its ink cannot be told
     * apart: its time step is not in a run of ink columns of its own.
     */
    private static int[][] extents(InkProfile ink, List<Glyph> characters, OptionalDouble pitch) {
        int[] columns = ink.columnInk();
        int w = columns.length;
        int[] runOf = new int[w];
        Arrays.fill(runOf, -1);
        List<int[]> runs = new ArrayList<>();
        if (pitch.isPresent()) {
            // Monospaced: each character owns its cell, touching its neighbours or not.
            double p = pitch.getAsDouble();
            double phase = cellPhase(columns, p);
            long previous = Long.MIN_VALUE;
            for (int x = 0; x < w; x++) {
                long cell = (long) Math.floor((x + 0.5 - phase) / p);
                if (cell != previous) {
                    runs.add(new int[] {x, x + 1});
                    previous = cell;
                }
                runs.get(runs.size() - 1)[1] = x + 1;
                runOf[x] = runs.size() - 1;
            }
        } else {
            for (int x = 0; x < w; ) {
                if (columns[x] == 0) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && columns[x] != 0) {
                    runOf[x++] = runs.size();
                }
                runs.add(new int[] {start, x});
            }
        }
        int[] glyphRun = new int[characters.size()];
        int[] perRun = new int[runs.size()];
        for (int k = 0; k < characters.size(); k++) {
            int x = (int) Math.floor(characters.get(k).x()) - ink.box().x();
            glyphRun[k] = x >= 0 && x < w ? runOf[x] : -1;
            if (glyphRun[k] >= 0) {
                perRun[glyphRun[k]]++;
            }
        }
        int[][] extents = new int[characters.size()][];
        int height = ink.box().height();
        for (int k = 0; k < characters.size(); k++) {
            int r = glyphRun[k];
            boolean neighboursPlaced = (k == 0 || alone(glyphRun[k - 1], perRun))
                    && (k == characters.size() - 1 || alone(glyphRun[k + 1], perRun));
            if (!alone(r, perRun) || !neighboursPlaced) {
                continue;
            }
            int top = height;
            int bottom = -1;
            for (int y = 0; y < height; y++) {
                if (ink.ruled()[y]) {
                    continue;
                }
                for (int x = runs.get(r)[0]; x < runs.get(r)[1]; x++) {
                    if (ink.ink()[y * w + x]) {
                        top = Math.min(top, y);
                        bottom = y;
                        break;
                    }
                }
            }
            if (bottom >= 0) {
                extents[k] = new int[] {top, bottom, runs.get(r)[0], runs.get(r)[1]};
            }
        }
        return extents;
    }

    /**
     * Where cell boundaries fall, modulo {@code pitch}: the circular mean of the centres of the
     * blank gaps inside the ink, which in a monospaced line lie at boundaries.
     */
    private static double cellPhase(int[] columns, double pitch) {
        int first = 0;
        while (first < columns.length && columns[first] == 0) {
            first++;
        }
        int last = columns.length - 1;
        while (last > first && columns[last] == 0) {
            last--;
        }
        double sin = 0, cos = 0;
        for (int x = first; x <= last; ) {
            if (columns[x] != 0) {
                x++;
                continue;
            }
            int start = x;
            while (columns[x] == 0) {
                x++;
            }
            double angle = 2 * Math.PI * ((start + x) / 2.0) / pitch;
            sin += Math.sin(angle);
            cos += Math.cos(angle);
        }
        return Math.atan2(sin, cos) / (2 * Math.PI) * pitch;
    }

    /** Whether run {@code r} exists and holds one character's time step. */
    private static boolean alone(int r, int[] perRun) {
        return r >= 0 && perRun[r] == 1;
    }

    private static int median(List<Integer> values) {
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
