package dev.deskpilot.tasks.families;

import java.util.List;

/** Small helpers for writing instructions. */
final class Sentences {
    private Sentences() {}

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String list(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
