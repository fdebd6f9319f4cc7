package dev.deskpilot.agent.junit;

import dev.deskpilot.policy.Policy;
import dev.deskpilot.tasks.Task;

/**
 * Makes the policy for an agent test ({@link DeskpilotTest#policy()}). Implementations need a
 * public no-argument constructor; the extension makes one instance per test.
 */
public interface PolicyFactory {
    /**
     * A fresh policy for one run of {@code task}; called once per test, since a policy may keep
     * state across a run (a script is used up as it is served, a model keeps its history).
     *
     * @throws Exception if the policy cannot be made (a missing model file, a task without what the
     *     policy needs); the test fails with it
     */
    Policy create(Task task) throws Exception;

    /** How run.json and the report name the policy, e.g. {@code scripted}. */
    String name();
}
