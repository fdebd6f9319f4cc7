package dev.deskpilot.agent.cli;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.CoordinateMapper;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.policy.Decision;
import dev.deskpilot.policy.Observation;
import dev.deskpilot.policy.Policy;
import dev.deskpilot.tasks.env.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Policy} acting in an environment episode, as the agent loop drives one: it sees the
 * instruction, the screenshot and its own earlier replies, and its actions are mapped from the
 * image it looked at to screen pixels. This is where a model policy ({@code --model}) plugs in.
 */
final class PolicyActor implements Actor {
    private final Policy policy;
    private final String instruction;
    private final List<String> history = new ArrayList<>();

    PolicyActor(Policy policy, String instruction) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.instruction = Objects.requireNonNull(instruction, "instruction");
    }

    @Override
    public List<Action> act(Frame frame) throws Exception {
        Decision decision = policy.decide(new Observation(instruction, frame, history));
        history.add(decision.text());
        CoordinateMapper toScreen = new CoordinateMapper(decision.imageSize(), frame.size());
        return decision.actions().stream().map(toScreen::map).toList();
    }
}
