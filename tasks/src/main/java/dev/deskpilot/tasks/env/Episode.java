package dev.deskpilot.tasks.env;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one episode went.
 *
 * @param instance which instance ran ({@code family-seed})
 * @param reward 1 if the goal was met at the end, else 0
 * @param steps how many times the actor was asked
 * @param ending why it ended: {@code committed}, {@code finished}, {@code max_steps} or {@code error}
 * @param state the app's state at the end
 * @param misses the goal's values the end state did not hold
 * @param error what went wrong, for {@code error}; empty otherwise
 */
public record Episode(
        String instance,
        String family,
        long seed,
        int reward,
        int steps,
        String ending,
        Map<String, String> state,
        List<String> misses,
        String error) {
    public Episode {
        Objects.requireNonNull(instance, "instance");
        state = Map.copyOf(state);
        misses = List.copyOf(misses);
        Objects.requireNonNull(error, "error");
    }

    public boolean success() {
        return reward == 1;
    }
}
