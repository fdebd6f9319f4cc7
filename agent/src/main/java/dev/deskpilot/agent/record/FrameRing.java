package dev.deskpilot.agent.record;

import dev.deskpilot.perception.Frame;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last few screenshots, so that an input can be paired with the screen as it was just before
 * it: by the time the input is known the application may already be repainting.
 */
final class FrameRing {
    /** A screenshot and when its capture started and ended, in {@link System#nanoTime()}. */
    record Shot(Frame frame, long startedNanos, long endedNanos) {}

    private final int capacity;
    private final Deque<Shot> shots = new ArrayDeque<>();

    FrameRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a frame ring needs room for at least 2 frames, was " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void add(Shot shot) {
        shots.addLast(shot);
        while (shots.size() > capacity) {
            shots.removeFirst();
        }
    }

    /**
     * The newest screenshot whose capture had ended by {@code nanos}, or the oldest kept if none had.
     *
     * @throws IllegalStateException if nothing was captured yet
     */
    synchronized Frame before(long nanos) {
        if (shots.isEmpty()) {
            throw new IllegalStateException("no screenshot taken yet");
        }
        var it = shots.descendingIterator();
        while (it.hasNext()) {
            Shot s = it.next();
            if (s.endedNanos() - nanos <= 0) {
                return s.frame();
            }
        }
        return shots.getFirst().frame();
    }
}
