package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.Frame;
import java.util.Map;
import java.util.Optional;

/**
 * A backend that shows an {@link Instance}'s scene, takes actions on it and reports the app's
 * state. The agent gets only {@link #observe()} and {@link #act}; {@link #state()} is for the
 * reward and {@link #locate} for the oracle, never for the agent.
 *
 * <p>Not thread-safe: one episode at a time.
 */
public interface Environment extends AutoCloseable {
    /** The backend's name in reports, e.g. {@code virtual} or {@code xvfb}. */
    String backend();

    /** Shows a fresh app for {@code instance}, replacing whatever was shown. */
    void reset(Instance instance);

    /** A screenshot of the whole screen now. */
    Frame observe();

    /**
     * Performs one action in screen pixels and returns once the app has handled it and the screen
     * shows the result.
     */
    void act(Action action) throws ActionFailedException;

    /** The app's state (see {@link Scene}). */
    Map<String, String> state();

    /** Whether something in the app ended the task (a commit). */
    default boolean done() {
        return !state().getOrDefault(Scene.COMMITTED, "").isEmpty();
    }

    /**
     * Where the element {@code id} is on screen now: the part of it that is showing and not
     * scrolled out of sight, or empty if none is.
     */
    Optional<Rect> locate(String id);

    /**
     * Where the element {@code id} is laid out now in screen pixels, including any part scrolled
     * out of sight; empty if it is not part of what is shown (a closed menu's items, another tab's
     * content). The oracle uses it to know which way to scroll.
     */
    Optional<Rect> place(String id);

    /** Closes windows and releases what the backend holds. */
    @Override
    void close();
}
