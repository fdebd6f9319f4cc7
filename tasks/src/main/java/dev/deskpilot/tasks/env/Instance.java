package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Size;
import java.util.List;
import java.util.Objects;

/**
 * One seeded task of a family: the scene to show, the instruction the agent reads, the goal that
 * decides its reward, the correct solution, and a step budget. The same family and seed always
 * give the same instance (on a machine with the same fonts installed).
 */
public record Instance(
        String family, long seed, Scene scene, String instruction, Goal goal, List<PlanStep> plan, int maxSteps) {
    public Instance {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(goal, "goal");
        plan = List.copyOf(plan);
        if (instruction.isBlank()) {
            throw new IllegalArgumentException("instruction must not be blank");
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("plan must have at least one step");
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
    }

    /**
     * Checks that this instance was made for a display of {@code display} pixels: a backend that
     * shows it on another size would put every widget somewhere its plan does not expect.
     *
     * @throws IllegalArgumentException naming the instance and both sizes
     */
    public void requireScreen(Size display) {
        if (!scene.screen().equals(display)) {
            throw new IllegalArgumentException(
                    "instance " + name() + " is for a " + scene.screen() + " screen, but this display is " + display);
        }
    }

    /** A short name for reports and file names: {@code family-seed}. */
    public String name() {
        return family + "-" + seed;
    }
}
