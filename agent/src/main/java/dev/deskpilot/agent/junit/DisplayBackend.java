package dev.deskpilot.agent.junit;

/**
 * Where an agent test's app runs and the agent looks and acts ({@link DeskpilotTest#display()}).
 * In-process virtual screens (no X server at all) are planned as a second backend.
 */
public enum DisplayBackend {
    /**
     * A private Xvfb X server started for this JVM on a free display number (never a person's
     * desktop, even when {@code DISPLAY} is set) and stopped when the JVM exits; screenshots with
     * {@code java.awt.Robot}, input with real X events. Needs Debian's {@code xvfb} (and {@code
     * xdotool} for text outside the US keyboard).
     */
    XVFB
}
