package dev.deskpilot.tasks;

import java.util.Map;

/** An app that {@link Apps#launch} started; closing it ends it. */
public interface RunningApp extends AutoCloseable {

    /** A built-in app's {@link DesktopApp#state() state}; empty for apps started as a command. */
    Map<String, String> state();

    /** Closes a built-in app's window, or ends a command's process and all its descendants. Idempotent. */
    @Override
    void close();
}
