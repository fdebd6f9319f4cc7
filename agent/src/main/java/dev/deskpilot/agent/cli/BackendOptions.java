package dev.deskpilot.agent.cli;

import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import dev.deskpilot.tasks.env.swing.WindowEnvironment;
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
    }

    String name() {
        return choice.xvfb ? "xvfb" : "virtual";
    }

    /**
     * Opens the backend for screens of {@code screen} size. Call it before anything else touches
     * AWT: the Xvfb backend must connect this JVM to its display first.
     */
    Environment open(Size screen) throws Exception {
        return choice.xvfb ? WindowEnvironment.open(screen) : new VirtualEnvironment();
    }
}
