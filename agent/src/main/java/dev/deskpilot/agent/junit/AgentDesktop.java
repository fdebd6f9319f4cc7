package dev.deskpilot.agent.junit;

import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Executor;
import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.perception.Screen;
import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Where an agent test runs: the screen the agent sees, the executor it acts with, and the display
 * name apps are started on. One factory per {@link DisplayBackend}; the switch has no default, so
 * a new backend is a compile error here until it is wired in.
 */
record AgentDesktop(Screen screen, Executor executor, String display) {

    static AgentDesktop open(DisplayBackend backend, Size size) throws IOException, ActionFailedException {
        return switch (backend) {
            case XVFB -> xvfb(size);
        };
    }

    private static AgentDesktop xvfb(Size size) throws IOException, ActionFailedException {
        String display = Displays.ensurePrivateXvfb(size);
        RobotScreen screen = RobotScreen.open();
        if (!screen.size().equals(size)) {
            throw new ExtensionConfigurationException("this JVM's display " + display + " is " + screen.size()
                    + ", but the test asks for " + size + "; a JVM has one display, so give every agent test in it"
                    + " the same @DeskpilotTest(screen = ...)");
        }
        return new AgentDesktop(screen, RobotExecutor.open(display), display);
    }
}
