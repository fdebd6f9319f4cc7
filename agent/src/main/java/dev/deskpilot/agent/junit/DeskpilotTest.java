package dev.deskpilot.agent.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks a test method as an agent test: "on this app, the agent achieves this". When the method
 * runs, deskpilot reads the task, makes sure this JVM has its display (a private Xvfb, started once
 * per JVM and stopped when it exits), launches the task's app, lets the agent work through
 * deskpilot's loop with the chosen {@link #policy() policy}, judges the task's checks and writes the
 * run folder with {@code report.html} and {@code run.gif}. If the task did not pass, the test fails
 * with the run's status, reason, failed checks and the report's path; otherwise the method's body
 * runs, and may take an {@link AgentRun} parameter to check more.
 *
 * <pre>{@code
 * class FormAgentTest {
 *     @DeskpilotTest(task = "tasks/sign-up.json")
 *     void signsUpForTheNewsletter(AgentRun run) {
 *         assertTrue(run.info().steps() <= 6, "took " + run.info().steps() + " steps");
 *     }
 * }
 * }</pre>
 *
 * <p>The run is part of the test method's execution, so JUnit's {@code @Timeout} (and the {@code
 * junit.jupiter.execution.timeout.*} defaults) bound it: on a timeout the agent is stopped after its
 * current step, the app is closed, the run folder and report are still written, and the test fails
 * naming them. Whatever happens, the agent's thread and the app are gone when the test ends (they
 * live in the test's {@code ExtensionContext.Store}). Without a JUnit timeout, the task's own
 * timeouts bound the run.
 *
 * <p>AWT connects a JVM to one X display, so every agent test in a JVM shares it: they run one at a
 * time (the {@link #DISPLAY_LOCK} resource lock, also under JUnit's parallel execution), and must
 * agree on the {@link #screen() screen} size. JUnit Jupiter 5 must be on the test class path
 * (deskpilot-agent compiles against it but does not bring it). Usage and set-up: docs/ci.md.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(DeskpilotExtension.class)
@ResourceLock(DeskpilotTest.DISPLAY_LOCK)
public @interface DeskpilotTest {
    /** The JUnit resource lock that keeps agent tests sharing a display from running at once. */
    String DISPLAY_LOCK = "dev.deskpilot.display";

    /**
     * The task file as a class-path resource, e.g. {@code "tasks/sign-up.json"} for {@code
     * src/test/resources/tasks/sign-up.json}. Relative paths inside the task (a command app, a file
     * check) resolve against the working directory. Give this or {@link #taskFile()}, not both.
     */
    String task() default "";

    /**
     * The task file as a path, relative to the working directory (the module's folder under Maven);
     * relative paths inside the task resolve against the file's folder. Give this or {@link #task()}.
     */
    String taskFile() default "";

    /** Makes the policy that decides each step; by default the task file's scripted {@code steps}. */
    Class<? extends PolicyFactory> policy() default ScriptedSteps.class;

    /** Where the agent looks and acts. */
    DisplayBackend display() default DisplayBackend.XVFB;

    /**
     * The screen size, {@code WIDTHxHEIGHT}. The first agent test in a JVM starts the display at
     * this size; a later one that asks for another size fails, since the display cannot change.
     */
    String screen() default "1280x800";

    /** The folder that receives the run folders, relative to the working directory. */
    String out() default "target/deskpilot-runs";
}
