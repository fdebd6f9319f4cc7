package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Family;
import dev.deskpilot.tasks.env.Instance;

/**
 * What every family shares: a seeded draw that is tried again with fresh randomness when it does
 * not fit (a window too small for its widgets), so every seed gives a valid instance.
 */
abstract class BaseFamily implements Family {
    private static final int ATTEMPTS = 50;

    /** Raised by a draw that does not fit; the family draws again. */
    static final class Misfit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Misfit(String what) {
            super(what, null, false, false);
        }
    }

    @Override
    public final Instance generate(long seed, Size screen) {
        Misfit last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return make(Rng.of(name(), seed + attempt * 0x5DEECE66DL), seed, screen);
            } catch (Misfit e) {
                last = e;
            }
        }
        throw new IllegalStateException(name() + " found no fitting draw for seed " + seed + " on a " + screen
                + " screen: " + last.getMessage());
    }

    /** One draw of an instance for {@code seed}; throws {@link Misfit} if it does not fit. */
    abstract Instance make(Rng rng, long seed, Size screen);
}
