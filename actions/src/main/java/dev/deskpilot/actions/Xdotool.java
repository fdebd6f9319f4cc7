package dev.deskpilot.actions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code xdotool} command against one X display. It presses what AWT's Robot cannot: the
 * Super key, and characters missing from the keymap (it binds a spare key code to each for the
 * moment it types it).
 */
final class Xdotool {
    /**
     * Pause between characters. xdotool rebinds a key code for every character outside the keymap
     * and restores it right after; a client that reads the key event after the restore sees the
     * wrong character or none. At xdotool's default 12 ms, Swing lost characters in 7 of 50 trials
     * of a 13-character text; at 60 ms it lost none in 20 trials on a loaded 2-core machine.
     */
    static final Duration TYPING_DELAY = Duration.ofMillis(60);

    private final String display;
    private final String command;

    Xdotool(String display, String command) {
        this.display = display;
        this.command = command;
    }

    /** Types the text into the focused window. */
    void type(String text) throws ActionFailedException {
        run(
                List.of("type", "--delay", String.valueOf(TYPING_DELAY.toMillis()), "--", text),
                Duration.ofSeconds(10).plus(TYPING_DELAY.multipliedBy(2L * text.length())));
    }

    /** Presses the keys (X keysym names) in order and releases them in reverse. */
    void key(List<String> keysyms) throws ActionFailedException {
        run(List.of("key", "--", String.join("+", keysyms)), Duration.ofSeconds(10));
    }

    private void run(List<String> arguments, Duration timeout) throws ActionFailedException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(command);
        commandLine.addAll(arguments);
        var builder = new ProcessBuilder(commandLine).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Java's copy of the environment predates any DISPLAY set at run time, so pass it here.
        builder.environment().put("DISPLAY", display);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ActionFailedException(
                    "cannot run " + command + " (" + e.getMessage()
                            + "); install the Debian package xdotool: apt-get install xdotool",
                    e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ActionFailedException("xdotool " + arguments.getFirst() + " on display " + display
                        + " did not finish in " + timeout.toSeconds() + " s");
            }
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new ActionFailedException("xdotool " + arguments.getFirst() + " on display " + display
                        + " failed (exit " + process.exitValue() + ")" + (errors.isEmpty() ? "" : ": " + errors));
            }
        } catch (IOException e) {
            throw new ActionFailedException("could not read xdotool's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ActionFailedException("interrupted while xdotool was running", e);
        }
    }
}
