package dev.deskpilot.tasks.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Episode;
import dev.deskpilot.tasks.env.Family;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.Oracle;
import dev.deskpilot.tasks.env.RandomActor;
import dev.deskpilot.tasks.env.Rollout;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Task families on the virtual backend")
class FamiliesTest {
    static final Size SCREEN = new Size(1280, 800);
    static final int SEEDS = 100;

    static Stream<String> families() {
        return Families.all().stream().map(Family::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @DisplayName("the oracle earns reward 1 on 100 seeds")
    void oracleSucceeds(String name) {
        Family family = Families.get(name);
        List<String> failures = new ArrayList<>();
        try (VirtualEnvironment env = new VirtualEnvironment()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                Instance instance = family.generate(seed, SCREEN);
                Episode e = Rollout.run(env, instance, new Oracle(instance, env));
                if (!e.success()) {
                    failures.add(instance.name() + " " + e.ending() + " " + e.misses() + " " + e.error());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @DisplayName("random actions succeed at most 20% of the time")
    void randomRarelySucceeds(String name) {
        Family family = Families.get(name);
        int wins = 0;
        try (VirtualEnvironment env = new VirtualEnvironment()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                Instance instance = family.generate(seed, SCREEN);
                Episode e = Rollout.run(
                        env, instance, new RandomActor(seed, instance.scene().window()));
                wins += e.reward();
            }
        }
        System.out.printf("%s: random success %d/%d%n", name, wins, SEEDS);
        assertTrue(wins <= SEEDS / 5, name + ": random success " + wins + "/" + SEEDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @DisplayName("the same seed gives the same instance, another seed another one")
    void deterministic(String name) {
        Family family = Families.get(name);
        assertEquals(family.generate(7, SCREEN), family.generate(7, SCREEN));
        assertTrue(!family.generate(7, SCREEN).equals(family.generate(8, SCREEN)));
    }
}
