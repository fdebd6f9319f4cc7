package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which X display this JVM's AWT (windows, {@link java.awt.Robot}, {@link RobotScreen}) talks to.
 *
 * <p>AWT opens one X connection per process, on the display that the C environment's {@code
 * DISPLAY} names when AWT initialises, and never moves it. That makes the choice process-wide
 * state, so this class is static: it records the one display this JVM was connected to and refuses
 * a second. Connect before anything touches AWT; a JVM started with {@code DISPLAY} set that uses
 * AWT first stays on that display.
 */
public final class Displays {
    private static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9.\\-_]*:\\d+(\\.\\d+)?");

    /** The display chosen through this class; guarded by the class lock. */
    private static String connected;

    /** The Xvfb started by {@link #ensurePrivateXvfb}, stopped at JVM exit; guarded by the class lock. */
    private static XvfbServer privateServer;

    private Displays() {}

    /**
     * Makes this JVM's AWT use the given X display, e.g. {@code :93}. Call it before any AWT use;
     * calling it again with the same display does nothing.
     *
     * @throws IllegalArgumentException if the name is not an X display name
     * @throws IllegalStateException if this JVM is already connected to another display
     */
    public static synchronized void connect(String display) {
        Objects.requireNonNull(display, "display");
        if (!DISPLAY_NAME.matcher(display).matches()) {
            throw new IllegalArgumentException(
                    "display must look like :N or host:N.S, e.g. :93, was '" + display + "'");
        }
        if (connected != null) {
            if (!connected.equals(display)) {
                throw new IllegalStateException("this JVM is already connected to X display " + connected
                        + "; AWT cannot move to " + display + " (one display per JVM)");
            }
            return;
        }
        Optional<String> inherited = NativeEnvironment.get("DISPLAY");
        if (inherited.isPresent() && !inherited.get().equals(display) && NativeEnvironment.awtX11Loaded()) {
            throw new IllegalStateException("AWT may already be connected to X display " + inherited.get()
                    + " (DISPLAY at start-up), so it cannot be moved to " + display
                    + ": connect before any AWT use, or start the JVM without DISPLAY");
        }
        NativeEnvironment.set("DISPLAY", display);
        // GraphicsEnvironment decides headlessness from Java's start-up copy of the environment,
        // which has no DISPLAY when the JVM started without one; the property takes precedence.
        System.setProperty("java.awt.headless", "false");
        connected = display;
    }

    /**
     * The display this JVM's AWT uses or will use: the one {@link #connect}ed, else the {@code
     * DISPLAY} the process was started with, else empty.
     */
    public static synchronized Optional<String> current() {
        return connected != null ? Optional.of(connected) : NativeEnvironment.get("DISPLAY");
    }

    /**
     * The display connected through this class, starting a private Xvfb of the given size and
     * connecting to it if there is none yet. The server is stopped when the JVM exits. Tests of
     * several classes in one JVM, and the CLI, share it; {@code size} applies only when a server is
     * started here. An inherited {@code DISPLAY} (a developer's desktop) is never used: input for
     * tests and scripted runs belongs on a screen of their own.
     *
     * @throws IOException if Xvfb cannot be started
     */
    public static synchronized String ensurePrivateXvfb(Size size) throws IOException {
        Objects.requireNonNull(size, "size");
        if (connected != null) {
            return connected;
        }
        XvfbServer server = XvfbServer.start(size);
        try {
            connect(server.display());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        // Its own shutdown hook stops it at exit; the field keeps it reachable until then.
        privateServer = server;
        return server.display();
    }

    /** The Xvfb started by {@link #ensurePrivateXvfb}, if it started one. */
    static synchronized Optional<XvfbServer> privateServer() {
        return Optional.ofNullable(privateServer);
    }
}
