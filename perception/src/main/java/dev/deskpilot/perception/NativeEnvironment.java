package dev.deskpilot.perception;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This process's C environment and loaded libraries. AWT's X toolkit reads {@code DISPLAY} with
 * libc's {@code getenv} when it opens its X connection, while Java's {@link System#getenv} is a
 * copy taken at JVM start that nothing can change; so the variable is set through libc.
 */
final class NativeEnvironment {
    private NativeEnvironment() {}

    /** The few libc functions used; loaded on first use, so JNA only loads where needed. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /** Sets a variable in the C environment, overwriting any value. */
    static void set(String name, String value) {
        if (LibC.INSTANCE.setenv(name, value, 1) != 0) {
            throw new IllegalStateException("libc setenv(" + name + ") failed, errno " + Native.getLastError());
        }
    }

    /** A variable of the C environment, as native code (AWT, Xlib) sees it now. */
    static Optional<String> get(String name) {
        return Optional.ofNullable(LibC.INSTANCE.getenv(name)).filter(v -> !v.isBlank());
    }

    /**
     * Whether AWT's X11 library is mapped into this process: it is loaded when AWT's graphics
     * environment initialises and opens its X connection, which then stays on the display that
     * {@code DISPLAY} named at that moment.
     */
    static boolean awtX11Loaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("libawt_xawt.so");
        } catch (IOException e) {
            return false; // no /proc: cannot tell, so trust the caller's promise to connect first
        }
    }
}
