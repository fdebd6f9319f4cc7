package dev.deskpilot.agent.junit;

import dev.deskpilot.agent.ScriptPolicy;
import dev.deskpilot.policy.Policy;
import dev.deskpilot.tasks.Task;

/**
 * The default {@link PolicyFactory}: plays the task file's {@code steps}, in order, action steps as
 * written and text steps ({@code {"click": "Submit"}}) resolved on each screenshot ({@link
 * ScriptPolicy}).
 */
public final class ScriptedSteps implements PolicyFactory {
    /**
     * @throws IllegalArgumentException if the task has no steps, or a step does not parse (naming it)
     */
    @Override
    public Policy create(Task task) {
        if (task.steps().isEmpty()) {
            throw new IllegalArgumentException("task '" + task.id() + "' has no scripted steps; give it \"steps\","
                    + " or name a model policy with @DeskpilotTest(policy = ...)");
        }
        return new ScriptPolicy(task.steps());
    }

    @Override
    public String name() {
        return "scripted";
    }
}
