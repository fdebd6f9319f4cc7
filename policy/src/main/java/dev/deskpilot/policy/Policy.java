package dev.deskpilot.policy;

/** Decides the agent's next step from what it sees. */
@FunctionalInterface
public interface Policy {
    Decision decide(Observation observation) throws PolicyException;
}
