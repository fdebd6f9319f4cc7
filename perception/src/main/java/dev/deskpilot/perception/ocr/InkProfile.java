package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which pixels of a box are ink, by column, and which rows the ink spans. A pixel is ink when it
 * differs clearly from its row's background: the most common colour of the rows around it
 * (backgrounds, button gradients included, vary from row to row far more often than along a row;
 * a row through the middle of bold glyphs can be mostly ink, its neighbours are not).
 */
record InkProfile(
        Pixels image,
        Rect box,
        int[] rowBackground,
        int[] rowInk,
        boolean[] ink,
        boolean[] ruled,
        int[] columnInk,
        int topRow,
        int bottomRow) {
    /** How far (sum of channel differences) a pixel must be from the background to count as ink. */
    static final int CONTRAST = 90;
    /**
     * A row in the lower half of the ink that is ink over at least this much of the ink's width, in
     * runs of which one is at least {@link #RULE_RUN} of it, from end to end, is a rule, not text: a link's underline or a border. It would bridge every gap between letters
     * and words (Chromium underlines links), so it counts as neither ink nor blank.
     */
    static final double RULE_FILL = 0.9;
    /**
     * An underline's longest unbroken run: Chromium breaks underlines around descenders, and the
     * feet of serif letters fill a row nearly as much as a rule does, but in short runs.
     */
    static final double RULE_RUN = 0.6;
    /** Rows on each side whose most common colours vote on a row's background. */
    private static final int NEIGHBOUR_ROWS = 3;

    /** A run of blank columns: its centre x in the image and its width in pixels (0: none). */
    record Gap(double middle, int width) {}

    static InkProfile of(Pixels image, Rect box) {
        int[] rowMode = new int[box.height()];
        int[] row = new int[box.width()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(image.rgb(), (box.y() + y) * image.width() + box.x(), row, 0, box.width());
            rowMode[y] = mostCommon(row);
        }
        int[] rowBackground = new int[box.height()];
        for (int y = 0; y < box.height(); y++) {
            int from = Math.max(0, y - NEIGHBOUR_ROWS);
            int to = Math.min(box.height(), y + NEIGHBOUR_ROWS + 1);
            rowBackground[y] = channelMedian(Arrays.copyOfRange(rowMode, from, to));
        }
        int w = box.width();
        boolean[] ink = new boolean[w * box.height()];
        int[] rowInk = new int[box.height()];
        int[] longestRun = new int[box.height()];
        int[] rowFirst = new int[box.height()];
        int[] rowLast = new int[box.height()];
        Arrays.fill(rowFirst, w);
        Arrays.fill(rowLast, -1);
        int firstColumn = w;
        int lastColumn = -1;
        int firstRow = box.height();
        int lastRow = -1;
        for (int y = 0; y < box.height(); y++) {
            int background = rowBackground[y];
            int from = (box.y() + y) * image.width() + box.x();
            int run = 0;
            for (int x = 0; x < w; x++) {
                run = isInk(image.rgb()[from + x], background) ? run + 1 : 0;
                longestRun[y] = Math.max(longestRun[y], run);
                if (run > 0) {
                    rowFirst[y] = Math.min(rowFirst[y], x);
                    rowLast[y] = x;
                    ink[y * w + x] = true;
                    rowInk[y]++;
                    firstColumn = Math.min(firstColumn, x);
                    lastColumn = Math.max(lastColumn, x);
                    firstRow = Math.min(firstRow, y);
                    lastRow = y;
                }
            }
        }
        boolean[] ruled = new boolean[box.height()];
        int inkWidth = lastColumn - firstColumn + 1;
        for (int y = (firstRow + lastRow) / 2 + 1; y <= lastRow; y++) {
            ruled[y] = inkWidth >= 2 * (lastRow - firstRow + 1)
                    && rowInk[y] >= RULE_FILL * inkWidth
                    && longestRun[y] >= RULE_RUN * inkWidth
                    && rowFirst[y] <= firstColumn + 1
                    && rowLast[y] >= lastColumn - 1;
        }
        int[] columnInk = new int[w];
        int top = Boxes.bottom(box);
        int bottom = box.y() - 1;
        for (int y = 0; y < box.height(); y++) {
            if (ruled[y] || rowInk[y] == 0) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x]) {
                    columnInk[x]++;
                }
            }
            top = Math.min(top, box.y() + y);
            bottom = Math.max(bottom, box.y() + y);
        }
        return new InkProfile(image, box, rowBackground, rowInk, ink, ruled, columnInk, top, bottom);
    }

    /** The most common value (the smallest of equally common ones); sorts {@code values}. */
    private static int mostCommon(int[] values) {
        Arrays.sort(values);
        int best = values[0];
        int bestCount = 0;
        for (int i = 0; i < values.length; ) {
            int j = i;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = values[i];
            }
            i = j;
        }
        return best;
    }

    /** The colour whose red, green and blue are each the median of those channels. */
    private static int channelMedian(int[] colours) {
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int[] channel = new int[colours.length];
            for (int i = 0; i < colours.length; i++) {
                channel[i] = colours[i] >> shift & 0xFF;
            }
            Arrays.sort(channel);
            result |= channel[channel.length / 2] << shift;
        }
        return result;
    }

    private static boolean isInk(int p, int background) {
        int d = Math.abs((p >> 16 & 0xFF) - (background >> 16 & 0xFF))
                + Math.abs((p >> 8 & 0xFF) - (background >> 8 & 0xFF))
                + Math.abs((p & 0xFF) - (background & 0xFF));
        return d > CONTRAST;
    }

    /**
     * The box without a frame around it: when the detector's box takes in an input's or a
     * button's frame, rows of ink across at least {@link #RULE_FILL} of its width in its top and
     * bottom thirds, and then columns of ink all the way down between them near its sides, are
     * cut off with everything outside them. The recogniser reads a frame's side as a
     * bracket, and its top and bottom bridge the gaps between words.
     */
    Rect insideBorders() {
        int h = box.height();
        int top = 0;
        int bottom = h;
        for (int y = 0; y < h / 3; y++) {
            if (rowInk[y] >= RULE_FILL * box.width()) {
                top = y + 1;
            }
        }
        for (int y = h - 1; y >= h - h / 3; y--) {
            if (rowInk[y] >= RULE_FILL * box.width()) {
                bottom = y;
            }
        }
        if (top == 0 && bottom == h) {
            return box;
        }
        int left = 0;
        int right = box.width();
        // A frame's sides: ink in every row between its top and bottom, within a text height of
        // the box's sides. (Letters have some blank row above or below them inside a frame.)
        int reach = Math.min(box.width() / 4, h);
        for (int x = 0; x < reach; x++) {
            if (inkDown(x, top, bottom)) {
                left = x + 1;
            }
        }
        for (int x = box.width() - 1; x >= box.width() - reach; x--) {
            if (inkDown(x, top, bottom)) {
                right = x;
            }
        }
        if (right - left < 1 || bottom - top < 1) {
            return box;
        }
        return new Rect(box.x() + left, box.y() + top, right - left, bottom - top);
    }

    /** Whether column {@code x} of the box is ink in every row from {@code top} to {@code bottom} (exclusive). */
    private boolean inkDown(int x, int top, int bottom) {
        for (int y = top; y < bottom; y++) {
            if (!ink[y * box.width() + x]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Paints this box's rule rows (see {@link #RULE_FILL}) in their background colour in {@code
     * rgb}, a copy of the image's pixels, so that the recogniser does not read an underline as
     * part of the letters ("Warning." for an underlined "Warning"). Returns whether there were any.
     */
    boolean eraseRules(int[] rgb) {
        boolean any = false;
        for (int y = 0; y < box.height(); y++) {
            if (ruled[y]) {
                int from = (box.y() + y) * image.width() + box.x();
                Arrays.fill(rgb, from, from + box.width(), rowBackground[y]);
                any = true;
            }
        }
        return any;
    }

    /** Whether any row is a rule. */
    boolean anyRuled() {
        for (boolean r : ruled) {
            if (r) {
                return true;
            }
        }
        return false;
    }

    /** Whether any pixel is ink. */
    boolean any() {
        return bottomRow >= topRow;
    }

    /** How many rows, from the first to the last, hold ink (0 when none do). */
    int height() {
        return Math.max(0, bottomRow - topRow + 1);
    }

    /** The widest run of ink-free columns between two x positions. */
    Gap widestGap(double fromX, double toX) {
        int from = Math.max(0, (int) Math.floor(fromX) - box.x());
        int to = Math.min(columnInk.length - 1, (int) Math.ceil(toX) - box.x());
        int bestStart = -1;
        int bestLength = 0;
        for (int c = from; c <= to; ) {
            if (columnInk[c] != 0) {
                c++;
                continue;
            }
            int start = c;
            while (c <= to && columnInk[c] == 0) {
                c++;
            }
            if (c - start > bestLength) {
                bestLength = c - start;
                bestStart = start;
            }
        }
        if (bestStart < 0) {
            return new Gap((fromX + toX) / 2, 0);
        }
        return new Gap(box.x() + bestStart + bestLength / 2.0, bestLength);
    }

    /** The bounding box of the ink inside {@code window}, if there is any. */
    Optional<Rect> tighten(Rect window) {
        int x0 = Math.max(window.x(), box.x());
        int x1 = Math.min(Boxes.right(window), Boxes.right(box));
        int minX = Integer.MAX_VALUE, maxX = -1, minY = Integer.MAX_VALUE, maxY = -1;
        for (int x = x0; x < x1; x++) {
            if (columnInk[x - box.x()] == 0) {
                continue;
            }
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            for (int y = box.y(); y < Boxes.bottom(box); y++) {
                if (!ruled[y - box.y()] && isInk(image.get(x, y), rowBackground[y - box.y()])) {
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return Optional.empty();
        }
        return Optional.of(new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1));
    }
}
