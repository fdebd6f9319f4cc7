package dev.deskpilot.agent.cli;

import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import dev.deskpilot.tasks.env.swing.WindowEnvironment;
import dev.deskpilot.tasks.env.web.ChromiumEnvironment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which environment backend a command runs episodes on. */
final class BackendOptions {
    @ArgGroup(exclusive = true)
    Choice choice = new Choice();

    static final class Choice {
        @Option(
                names = "--virtual",
                description = "Run the apps in this process, painted headless and driven by synthetic events"
                        + " (the default; no X server).")
        boolean virtual;

        @Option(
                names = "--xvfb",
                description = "Run each app as a real window on a private Xvfb, captured and driven with real"
                        + " input events (Robot).")
        boolean xvfb;

        @Option(
                names = "--chromium",
                description = "Render each task as a web page in Chromium, a real window on a private Xvfb,"
                        + " driven with real input events (needs the Debian package chromium).")
        boolean chromium;
    }

    String name() {
        return choice.chromium ? "chromium" : choice.xvfb ? "xvfb" : "virtual";
    }

    /**
     * Opens the backend for screens of {@code screen} size. Call it before anything else touches
     * AWT: the Xvfb and Chromium backends must connect this JVM to its display first.
     */
    Environment open(Size screen) throws Exception {
        if (choice.chromium) {
            return ChromiumEnvironment.open(screen);
        }
        return choice.xvfb ? WindowEnvironment.open(screen) : new VirtualEnvironment();
    }
}
