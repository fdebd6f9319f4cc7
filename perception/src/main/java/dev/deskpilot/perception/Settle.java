package dev.deskpilot.perception;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Waits until a screen stops changing: applications repaint for a while after an input, and a
 * screenshot taken mid-repaint shows the agent a state that never really existed.
 *
 * @param quiet how long the picture must stay the same
 * @param poll how often to look
 */
public record Settle(Duration quiet, Duration poll) {
    public static final Settle DEFAULT = new Settle(Duration.ofMillis(150), Duration.ofMillis(30));

    public Settle {
        Objects.requireNonNull(quiet, "quiet");
        Objects.requireNonNull(poll, "poll");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("settle poll interval must be positive, was " + poll);
        }
    }

    /**
     * Captures until the screen has been unchanged for {@link #quiet()}, or {@code timeout} has
     * passed; returns the last frame either way together with whether it settled.
     */
    public Result await(Screen screen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Frame last = screen.capture();
        long quietSince = System.nanoTime();
        while (true) {
            if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return new Result(last, true);
            }
            if (System.nanoTime() >= deadline) {
                return new Result(last, false);
            }
            Thread.sleep(poll.toMillis());
            Frame next = screen.capture();
            if (!samePixels(last.image(), next.image())) {
                quietSince = System.nanoTime();
            }
            last = next;
        }
    }

    /** The frame the wait ended on, and whether the screen was quiet by then. */
    public record Result(Frame frame, boolean settled) {}

    /** Whether two images show exactly the same pixels. */
    public static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        if (a.getRaster().getDataBuffer() instanceof DataBufferInt da
                && b.getRaster().getDataBuffer() instanceof DataBufferInt db
                && a.getType() == b.getType()) {
            return Arrays.equals(da.getData(), db.getData());
        }
        int w = a.getWidth();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            if (!Arrays.equals(rowA, rowB)) {
                return false;
            }
        }
        return true;
    }
}
