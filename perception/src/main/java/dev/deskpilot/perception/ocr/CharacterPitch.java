package dev.deskpilot.perception.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Tells monospaced lines apart and finds their character pitch (advance width).
 *
 * <p>In a monospaced font every character fills one cell of the same width, so the blank gaps
 * between letters all fall near cell boundaries, whatever the letters: their positions modulo
 * the pitch agree. In a proportional font they drift. The test estimates the pitch from the ink's
 * width and the number of characters read (spaces included), tries a few corrections for the
 * side bearings of the first and last glyph, and accepts the line as monospaced when the gaps'
 * phases agree closely.
 *
 * <p>Why it matters: monospaced fonts leave gaps of up to 0.62 pitch around narrow glyphs
 * ({@code r}, {@code l}, {@code :}), where PP-OCR's recogniser often reads a space and which are as
 * wide, relative to the text, as proportional fonts' word spaces; but their own word spaces are a
 * whole empty cell, at least 1.0 pitch (measured on Swing text in the installed monospaced fonts,
 * 12-20 px, aliased and antialiased).
 */
final class CharacterPitch {
    /** Fewest letter gaps that can show a regular grid; fewer say nothing. */
    static final int MIN_GAPS = 4;
    /** Fewest gaps per pair of neighbouring characters. */
    static final double MIN_GAPS_PER_PAIR = 0.8;
    /** How closely the gaps' phases must agree (mean resultant length, 1 = exactly). */
    static final double MIN_AGREEMENT = 0.9;
    /** A line whose gaps agree no better than this is proportional. */
    static final double MAX_PROPORTIONAL_AGREEMENT = 0.75;

    private CharacterPitch() {}

    /**
     * The pitch in pixels if the ink in {@code columnInk} (ink pixels per column) looks like
     * {@code minCells} to {@code maxCells} characters of a monospaced font, else empty. (The
     * recogniser's spaces may be wrong, so the count of characters is a range.)
     */
    static OptionalDouble of(int[] columnInk, int minCells, int maxCells) {
        double[] best = bestGrid(columnInk, minCells, maxCells, true);
        return best[0] >= MIN_AGREEMENT ? OptionalDouble.of(best[1]) : OptionalDouble.empty();
    }

    /**
     * Whether the line is clearly not monospaced: it has at least {@link #MIN_GAPS} gaps, however
     * many of its letters touch, and no pitch brings their phases even to {@link
     * #MAX_PROPORTIONAL_AGREEMENT}. (A monospaced line whose letters touch fails {@link #of} for
     * lack of gaps, but the gaps it has still agree.)
     */
    static boolean proportional(int[] columnInk, int minCells, int maxCells) {
        double[] best = bestGrid(columnInk, minCells, maxCells, false);
        return best[2] >= MIN_GAPS && best[0] < MAX_PROPORTIONAL_AGREEMENT;
    }

    /**
     * The best agreement of the gaps' phases, its pitch and the number of gaps (agreement 0 when
     * there are too few gaps, or with {@code gapPerPair}, too few per pair of characters).
     */
    private static double[] bestGrid(int[] columnInk, int minCells, int maxCells, boolean gapPerPair) {
        int first = 0;
        while (first < columnInk.length && columnInk[first] == 0) {
            first++;
        }
        int last = columnInk.length - 1;
        while (last > first && columnInk[last] == 0) {
            last--;
        }
        if (first >= last || maxCells < 2) {
            return new double[] {0, 0, 0};
        }
        List<Double> gapCentres = new ArrayList<>();
        for (int c = first; c <= last; ) {
            if (columnInk[c] != 0) {
                c++;
                continue;
            }
            int start = c;
            while (columnInk[c] == 0) {
                c++;
            }
            gapCentres.add((start + c) / 2.0);
        }
        // Monospaced glyphs sit inside their cells, so nearly every pair of neighbours has a gap;
        // proportional glyphs often touch.
        if (gapCentres.size() < MIN_GAPS || gapPerPair && gapCentres.size() < MIN_GAPS_PER_PAIR * (minCells - 1)) {
            return new double[] {0, 0, gapCentres.size()};
        }
        int width = last - first + 1;
        double bestAgreement = 0;
        double bestPitch = 0;
        // The ink is narrower than the cells by the first glyph's left and the last glyph's right
        // side bearing: together 0 to about half a cell.
        for (int cells = Math.max(2, minCells); cells <= maxCells; cells++) {
            for (double bearings = 0; bearings <= 0.61; bearings += 0.1) {
                double pitch = width / (cells - bearings);
                double agreement = agreement(gapCentres, first, pitch);
                if (agreement > bestAgreement) {
                    bestAgreement = agreement;
                    bestPitch = pitch;
                }
            }
        }
        return new double[] {bestAgreement, bestPitch, gapCentres.size()};
    }

    /** How closely the gaps' positions modulo {@code pitch} agree: 1 when exactly, about 0 when spread evenly. */
    private static double agreement(List<Double> gapCentres, int origin, double pitch) {
        double sumCos = 0, sumSin = 0;
        for (double centre : gapCentres) {
            double phase = 2 * Math.PI * (centre - origin) / pitch;
            sumCos += Math.cos(phase);
            sumSin += Math.sin(phase);
        }
        return Math.hypot(sumCos, sumSin) / gapCentres.size();
    }
}
