package dev.deskpilot.tasks;

import dev.deskpilot.perception.Displays;
import dev.deskpilot.tasks.apps.FormApp;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Starts the app a task runs against, on a given X display. */
public final class Apps {
    /**
     * How long a command app is watched after starting: one that exits with an error this soon
     * (a missing library, a bad argument, no display) fails the launch instead of the first step.
     */
    static final Duration LAUNCH_GRACE = Duration.ofMillis(500);

    private static final NavigableMap<String, Supplier<DesktopApp>> BUILT_INS =
            new TreeMap<>(Map.of(FormApp.NAME, FormApp::new));

    private Apps() {}

    /** The names {@link App.BuiltIn} accepts, sorted. */
    public static Set<String> builtInNames() {
        return BUILT_INS.navigableKeySet();
    }

    /**
     * Starts {@code app} on {@code display} (e.g. {@code :99}).
     *
     * <p>A {@link App.Command} is started in {@code baseDir} with {@code DISPLAY} set to {@code
     * display} and its output sent to a temporary log; if it exits with a non-zero status within
     * half a second, the launch fails with its last line of output. This method does not wait for
     * its window: the agent watches the screen for that.
     *
     * <p>A {@link App.BuiltIn} opens in this JVM, which can only draw on the display AWT connected
     * to at startup, so this JVM must have been started with {@code DISPLAY} set to {@code display};
     * otherwise the launch fails rather than open the window (and later send input) elsewhere.
     */
    public static RunningApp launch(App app, Path baseDir, String display) throws AppLaunchException {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(display, "display");
        return switch (app) {
            case App.BuiltIn b -> launchBuiltIn(b.name(), display);
            case App.Command c -> launchCommand(c, baseDir, display);
        };
    }

    private static RunningApp launchBuiltIn(String name, String display) throws AppLaunchException {
        Supplier<DesktopApp> factory = BUILT_INS.get(name);
        if (factory == null) {
            throw new AppLaunchException(
                    "unknown built-in app '" + name + "'; known built-in apps: " + String.join(", ", builtInNames()));
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new AppLaunchException("built-in app '" + name + "' needs a display, but this JVM is headless;"
                    + " start it with DISPLAY=" + display + " and without -Djava.awt.headless=true");
        }
        String ours = Displays.current().orElse("none");
        if (!sameDisplay(ours, display)) {
            throw new AppLaunchException("built-in app '" + name + "' would open on this JVM's display (" + ours
                    + "), not on " + display + "; connect this JVM to " + display + " first (Displays.connect)");
        }
        DesktopApp desktopApp = factory.get();
        try {
            desktopApp.open();
        } catch (RuntimeException e) {
            desktopApp.close();
            throw new AppLaunchException("built-in app '" + name + "' could not open its window: " + e, e);
        }
        return new RunningBuiltIn(desktopApp);
    }

    /** {@code :99}, {@code :99.0}, {@code localhost:99} and {@code unix:99} all name display 99 on this host. */
    static boolean sameDisplay(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String display) {
        return display.strip().replaceFirst("^(unix|localhost)(?=:)", "").replaceFirst("\\.0$", "");
    }

    private static RunningApp launchCommand(App.Command app, Path baseDir, String display) throws AppLaunchException {
        String described = Processes.describe(app.command());
        Path log;
        try {
            log = Files.createTempFile("deskpilot-app-", ".log");
        } catch (IOException e) {
            throw new AppLaunchException("cannot create a log file for " + described + ": " + e, e);
        }
        ProcessBuilder builder = Processes.builder(app.command(), baseDir)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", display);
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close(); // the app reads end-of-file, not a pipe nobody writes to
        } catch (IOException e) {
            Processes.deleteQuietly(log);
            throw new AppLaunchException(
                    "cannot start " + described + " in " + baseDir + ": "
                            + e.getMessage().replaceAll("\\R", " "),
                    e);
        }
        RunningCommand running = new RunningCommand(process, log);
        try {
            if (process.waitFor(LAUNCH_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    && process.exitValue() != 0) {
                String output = Processes.lastLine(log);
                running.close();
                throw new AppLaunchException(described + " exited with status " + process.exitValue()
                        + " right after starting" + (output.isEmpty() ? "" : "; its last output: " + output));
            }
        } catch (InterruptedException e) {
            running.close();
            Thread.currentThread().interrupt();
            throw new AppLaunchException("interrupted while starting " + described, e);
        }
        return running;
    }
}
