package dev.deskpilot.tasks;

import java.util.Map;

/** A built-in app whose window {@link Apps#launch} opened. */
final class RunningBuiltIn implements RunningApp {
    private final DesktopApp app;

    RunningBuiltIn(DesktopApp app) {
        this.app = app;
    }

    @Override
    public Map<String, String> state() {
        return app.state();
    }

    @Override
    public void close() {
        app.close();
    }
}
