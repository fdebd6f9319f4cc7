package dev.deskpilot.tasks.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the app's state must say for an episode to earn reward 1: every expected key with exactly
 * its value. Goals name the commit token too, so pressing every button, or submitting a half-done
 * form, cannot succeed: the first commit ends the episode and freezes the state.
 */
public record Goal(Map<String, String> expected) {
    public Goal {
        expected = java.util.Collections.unmodifiableMap(new TreeMap<>(expected));
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("a goal needs at least one expected state value");
        }
    }

    /** Whether {@code state} holds every expected value. */
    public boolean isMet(Map<String, String> state) {
        return expected.entrySet().stream().allMatch(e -> e.getValue().equals(state.get(e.getKey())));
    }

    /** The expected values that {@code state} does not hold, as {@code key: 'seen' (expected 'want')}; empty when met. */
    public List<String> misses(Map<String, String> state) {
        List<String> misses = new ArrayList<>();
        expected.forEach((key, want) -> {
            String seen = state.get(key);
            if (!want.equals(seen)) {
                misses.add(key + ": '" + (seen == null ? "(missing)" : seen) + "' (expected '" + want + "')");
            }
        });
        return misses;
    }
}
