package dev.deskpilot.tasks.suites;

import java.util.Objects;

/** Instance {@code index} of a family in a suite's split, and the seed that makes it. */
public record EpisodeRef(String family, long index, long seed) {
    public EpisodeRef {
        Objects.requireNonNull(family, "family");
    }
}
