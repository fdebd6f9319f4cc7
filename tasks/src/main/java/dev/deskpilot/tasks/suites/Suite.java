package dev.deskpilot.tasks.suites;

import dev.deskpilot.actions.Size;
import java.util.List;
import java.util.Objects;

/**
 * A named set of task families with how many instances of each to run, and two seed ranges: train
 * seeds for training data and test seeds, never overlapping, for judging. Instance {@code k} of a
 * family in a split uses seed {@code split.from + k}; families mix their name into the seed, so
 * equal seeds of different families are unrelated. Read from {@code tasks/suites/NAME.json} with
 * {@code SuiteFile}.
 *
 * @param name the suite's name, e.g. {@code core}
 * @param description one sentence for listings
 * @param screen the screen size every instance is made for
 * @param families the families, each with its episode count for an evaluation
 * @param train the training seeds
 * @param test the held-out test seeds
 */
public record Suite(String name, String description, Size screen, List<Entry> families, Seeds train, Seeds test) {

    /** A family of the suite and how many of its instances an evaluation runs by default. */
    public record Entry(String family, int episodes) {
        public Entry {
            Objects.requireNonNull(family, "family");
            if (episodes < 1) {
                throw new IllegalArgumentException("episodes of " + family + " must be at least 1, was " + episodes);
            }
        }
    }

    /** The seeds {@code from} (inclusive) to {@code from + count} (exclusive). */
    public record Seeds(long from, long count) {
        public Seeds {
            if (from < 0 || count < 1) {
                throw new IllegalArgumentException(
                        "seeds need from >= 0 and count >= 1, were " + from + " and " + count);
            }
        }

        public long seed(long k) {
            if (k < 0 || k >= count) {
                throw new IllegalArgumentException("instance " + k + " is outside this split's " + count + " seeds");
            }
            return from + k;
        }

        public boolean overlaps(Seeds other) {
            return from < other.from + other.count && other.from < from + count;
        }

        @Override
        public String toString() {
            return from + ".." + (from + count - 1);
        }
    }

    /** Which seeds to draw from. */
    public enum Split {
        TRAIN,
        TEST;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Suite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(screen, "screen");
        families = List.copyOf(families);
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a suite needs at least one family");
        }
        if (train.overlaps(test)) {
            throw new IllegalArgumentException("train seeds " + train + " and test seeds " + test + " overlap");
        }
        if (families.stream().map(Entry::family).distinct().count() != families.size()) {
            throw new IllegalArgumentException("a family is listed twice in suite " + name);
        }
    }

    public Seeds seeds(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case TEST -> test;
        };
    }
}
