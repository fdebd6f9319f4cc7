package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.VirtualExecutor;
import dev.deskpilot.actions.swing.EventThread;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.VirtualScreen;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.Instance;
import java.util.Map;
import java.util.Optional;

/**
 * The in-process backend: each instance's Swing app is painted headless by a {@link VirtualScreen}
 * and driven by a {@link VirtualExecutor}. No X server, no waiting: hundreds of steps a second.
 * Works in headless and headed JVMs alike.
 */
public final class VirtualEnvironment implements Environment {
    private SwingApp app;
    private VirtualScreen screen;
    private VirtualExecutor executor;

    @Override
    public String backend() {
        return "virtual";
    }

    @Override
    public void reset(Instance instance) {
        app = EventThread.call(() -> SwingApp.build(instance.scene()));
        screen = VirtualScreen.of(app.root(), instance.scene().screen());
        executor = new VirtualExecutor(app.root());
    }

    @Override
    public Frame observe() {
        return started().screen.capture();
    }

    @Override
    public void act(Action action) throws ActionFailedException {
        started().executor.execute(action);
    }

    @Override
    public Map<String, String> state() {
        SwingApp a = started().app;
        return EventThread.call(a::state);
    }

    @Override
    public Optional<Rect> locate(String id) {
        SwingApp a = started().app;
        return EventThread.call(() -> a.locate(id));
    }

    @Override
    public Optional<Rect> place(String id) {
        SwingApp a = started().app;
        return EventThread.call(() -> a.place(id));
    }

    private VirtualEnvironment started() {
        if (app == null) {
            throw new IllegalStateException("reset the environment to an instance first");
        }
        return this;
    }

    @Override
    public void close() {
        app = null;
        screen = null;
        executor = null;
    }
}
