package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Action;
import dev.deskpilot.perception.Frame;
import java.util.List;

/**
 * Whoever acts in an episode (the oracle, a random baseline, a policy): given the screenshot, it
 * returns the next actions in screen pixels. One actor serves one episode and may keep history.
 */
@FunctionalInterface
public interface Actor {
    List<Action> act(Frame frame) throws Exception;
}
