package dev.deskpilot.agent.replay;

import java.awt.image.BufferedImage;

/**
 * How different two screenshots of the same screen look: the fraction of pixels whose colour
 * differs noticeably, that is by more than {@value #CHANNEL_TOLERANCE} of 255 in some channel.
 *
 * <p>Counting pixels rather than summing differences makes the measure read as an area: 1% of a
 * 1280x800 screen is about a 100x100 patch. The per-channel tolerance ignores faint changes such
 * as antialiasing or a gradient drawn one step differently; a blinking caret or a clock still
 * counts, but covers far less than the default limit.
 */
public final class FrameDifference {
    /** A channel must change by more than this (of 255) for its pixel to count as different. */
    public static final int CHANNEL_TOLERANCE = 32;

    private FrameDifference() {}

    /** The fraction of differing pixels, 0 to 1; images of different sizes differ entirely (1). */
    public static double between(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return 1.0;
        }
        int w = a.getWidth();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            for (int x = 0; x < w; x++) {
                if (differs(rowA[x], rowB[x])) {
                    differing++;
                }
            }
        }
        return (double) differing / ((long) w * a.getHeight());
    }

    /**
     * A picture of where two same-sized images differ: the second image dimmed, with differing
     * pixels in red.
     */
    public static BufferedImage map(BufferedImage expected, BufferedImage actual) {
        int w = actual.getWidth();
        int h = actual.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        boolean comparable = expected.getWidth() == w && expected.getHeight() == h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = actual.getRGB(x, y);
                if (!comparable || differs(expected.getRGB(x, y), rgb)) {
                    out.setRGB(x, y, 0xff0000);
                } else {
                    int r = ((rgb >> 16) & 0xff) / 3;
                    int g = ((rgb >> 8) & 0xff) / 3;
                    int b = (rgb & 0xff) / 3;
                    out.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
        }
        return out;
    }

    private static boolean differs(int p, int q) {
        return Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) > CHANNEL_TOLERANCE
                || Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff)) > CHANNEL_TOLERANCE
                || Math.abs((p & 0xff) - (q & 0xff)) > CHANNEL_TOLERANCE;
    }
}
