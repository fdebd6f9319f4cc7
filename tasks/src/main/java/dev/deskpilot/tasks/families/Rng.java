package dev.deskpilot.tasks.families;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** The seeded randomness of one instance: the same family and seed always draw the same values. */
final class Rng {
    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The generator for {@code seed} of {@code family}; different families draw unrelated values from equal seeds. */
    static Rng of(String family, long seed) {
        long mixed = seed * 0x9E3779B97F4A7C15L ^ (long) family.hashCode() * 0xC2B2AE3D27D4EB4FL;
        return new Rng(mixed);
    }

    /** A uniform integer from {@code lo} to {@code hi}, both included. */
    int between(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range " + lo + ".." + hi);
        }
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** {@code k} distinct items in random order. */
    <T> List<T> sample(List<T> items, int k) {
        List<T> copy = new ArrayList<>(items);
        shuffle(copy);
        return new ArrayList<>(copy.subList(0, Math.min(k, copy.size())));
    }

    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            Collections.swap(items, i, random.nextInt(i + 1));
        }
    }
}
