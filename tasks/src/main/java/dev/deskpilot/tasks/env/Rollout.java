package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.perception.Frame;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs episodes: reset the environment to an instance, then observe and act until the app commits,
 * the actor says {@code finished}/{@code call_user}, or the instance's step budget is used; the
 * reward is the goal judged on the app's final state.
 */
public final class Rollout {
    /** Sees every step as it happens, e.g. to write training samples. */
    @FunctionalInterface
    public interface StepListener {
        void onStep(int step, Frame frame, List<Action> actions) throws Exception;
    }

    private Rollout() {}

    public static Episode run(Environment env, Instance instance, Actor actor) {
        return run(env, instance, actor, (step, frame, actions) -> {});
    }

    public static Episode run(Environment env, Instance instance, Actor actor, StepListener listener) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(actor, "actor");
        env.reset(instance);
        String ending = "max_steps";
        String error = "";
        int steps = 0;
        loop:
        for (int step = 1; step <= instance.maxSteps(); step++) {
            steps = step;
            Frame frame = env.observe();
            List<Action> actions;
            try {
                actions = actor.act(frame);
                listener.onStep(step, frame, actions);
            } catch (Exception e) {
                ending = "error";
                error = "actor failed at step " + step + ": " + e;
                break;
            }
            for (Action action : actions) {
                if (action instanceof Action.Finished || action instanceof Action.CallUser) {
                    ending = "finished";
                    break loop;
                }
                try {
                    env.act(action);
                } catch (ActionFailedException e) {
                    // A point off the screen is the actor's mistake, not the environment's: it costs the step.
                    continue;
                }
                if (env.done()) {
                    ending = "committed";
                    break loop;
                }
            }
        }
        Map<String, String> state = env.state();
        boolean met = instance.goal().isMet(state);
        return new Episode(
                instance.name(),
                instance.family(),
                instance.seed(),
                met ? 1 : 0,
                steps,
                ending,
                state,
                instance.goal().misses(state),
                error);
    }
}
