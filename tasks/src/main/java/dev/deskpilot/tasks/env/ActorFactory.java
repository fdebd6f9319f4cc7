package dev.deskpilot.tasks.env;

/** Makes the actor for one episode: the oracle, a random baseline, or a policy. */
@FunctionalInterface
public interface ActorFactory {
    Actor create(Instance instance, Environment env) throws Exception;
}
