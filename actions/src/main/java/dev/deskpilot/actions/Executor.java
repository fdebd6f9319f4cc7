package dev.deskpilot.actions;

/**
 * Performs actions on a screen. Points are screen pixels. Terminal actions ({@link Action.Finished},
 * {@link Action.CallUser}) perform no input; the agent loop turns them into a run status.
 */
@FunctionalInterface
public interface Executor {
    void execute(Action action) throws ActionFailedException;
}
