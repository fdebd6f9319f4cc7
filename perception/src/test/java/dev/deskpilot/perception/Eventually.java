package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something the X server and the event thread deliver asynchronously. The deadline is
 * generous because the machine is shared; it bounds a failure, it is not a timing assertion.
 */
final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private Eventually() {}

    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
