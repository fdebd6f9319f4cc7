package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.tasks.env.Scene;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's own state, kept by its widgets as they change: values by widget id, and the commit
 * token. The first commit freezes everything: later input changes nothing. Used on the event
 * dispatch thread only.
 */
final class AppModel {
    private final Map<String, String> values = new LinkedHashMap<>();
    private Runnable onCommit = () -> {};

    AppModel() {
        values.put(Scene.COMMITTED, "");
    }

    void onCommit(Runnable action) {
        this.onCommit = action;
    }

    boolean frozen() {
        return !values.get(Scene.COMMITTED).isEmpty();
    }

    /** Records a widget's value, unless the app is frozen. */
    void set(String key, String value) {
        if (!frozen()) {
            values.put(key, value);
        }
    }

    /** Ends the task with {@code token}; only the first commit counts. */
    void commit(String token) {
        if (!frozen()) {
            values.put(Scene.COMMITTED, token);
            onCommit.run();
        }
    }

    Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
