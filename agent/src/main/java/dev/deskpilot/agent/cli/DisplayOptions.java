package dev.deskpilot.agent.cli;

import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Displays;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where a command acts: a running X display, or a private Xvfb it starts and stops itself. */
final class DisplayOptions {
    static final String DEFAULT_XVFB_SIZE = "1280x800";

    @ArgGroup(exclusive = true)
    Choice choice = new Choice();

    static final class Choice {
        @Option(
                names = "--display",
                paramLabel = ":N",
                description = "Act on this running X display (e.g. :0). Default: $DISPLAY if set.")
        String display;

        @Option(
                names = "--xvfb",
                paramLabel = "WxH",
                arity = "0..1",
                fallbackValue = DEFAULT_XVFB_SIZE,
                converter = SizeConverter.class,
                description = "Start a private Xvfb of this size for the run and stop it afterwards "
                        + "(default when DISPLAY is not set; size " + DEFAULT_XVFB_SIZE + ").")
        Size xvfb;
    }

    /**
     * Connects this process to the chosen display, starting a private Xvfb if that is the choice.
     *
     * @param inheritDisplay whether $DISPLAY, when set, is the default; {@code demo} says no so that it
     *     never acts on a person's own desktop unless asked to with --display
     */
    DisplaySession open(boolean inheritDisplay) throws IOException {
        if (choice.display != null) {
            Displays.connect(choice.display);
            return new DisplaySession(choice.display, false);
        }
        String inherited = System.getenv("DISPLAY");
        if (inheritDisplay && choice.xvfb == null && inherited != null && !inherited.isBlank()) {
            Displays.connect(inherited);
            return new DisplaySession(inherited, false);
        }
        Size size = choice.xvfb != null ? choice.xvfb : Size.parse(DEFAULT_XVFB_SIZE);
        // Stopped when this JVM exits, not before: AWT stays connected until then, and Xlib ends the
        // process if its server disappears under it.
        return new DisplaySession(Displays.ensurePrivateXvfb(size), true);
    }

    /** The display in use, and whether it is a private Xvfb started for this process. */
    record DisplaySession(String display, boolean privateXvfb) {}

    static final class SizeConverter implements picocli.CommandLine.ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            return Size.parse(value);
        }
    }
}
