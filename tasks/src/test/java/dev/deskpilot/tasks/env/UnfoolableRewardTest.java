package dev.deskpilot.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import dev.deskpilot.tasks.families.Families;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reward comes from the app's state and cannot be had by trying everything. */
@DisplayName("Rewards that cannot be fooled")
class UnfoolableRewardTest {
    static final Size SCREEN = new Size(1280, 800);

    /** An actor that clicks the given screen points in order, then says it is done. */
    static Actor clicking(List<Rect> targets) {
        Deque<Rect> left = new ArrayDeque<>(targets);
        return frame -> left.isEmpty()
                ? List.of(new Action.Finished("done"))
                : List.of(new Action.Click(left.removeFirst().center()));
    }

    @Test
    @DisplayName("clicking every button, the named one last, earns nothing: the first click ends the task")
    void everyButton() {
        try (VirtualEnvironment env = new VirtualEnvironment()) {
            for (long seed = 0; seed < 20; seed++) {
                Instance instance = Families.get("click-button").generate(seed, SCREEN);
                env.reset(instance);
                String target = instance.goal().expected().get(Scene.COMMITTED);
                List<Rect> clicks = new ArrayList<>();
                for (Widget w : Scenes.all(instance.scene())) {
                    if (w instanceof Widget.Button b && !b.id().equals(target)) {
                        clicks.add(env.locate(b.id()).orElseThrow());
                    }
                }
                clicks.add(env.locate(target).orElseThrow());
                Episode e = Rollout.run(env, instance, clicking(clicks));
                assertEquals(0, e.reward(), instance.name());
                assertEquals("committed", e.ending(), instance.name());
            }
        }
    }

    @Test
    @DisplayName("submitting a form before filling it in earns nothing")
    void bareSubmit() {
        try (VirtualEnvironment env = new VirtualEnvironment()) {
            for (String family : List.of("login", "tick-boxes", "pick-radio", "select-option", "set-value")) {
                for (long seed = 0; seed < 10; seed++) {
                    Instance instance = Families.get(family).generate(seed, SCREEN);
                    env.reset(instance);
                    String submit = instance.goal().expected().get(Scene.COMMITTED);
                    Episode e = Rollout.run(
                            env, instance, clicking(List.of(env.locate(submit).orElseThrow())));
                    assertEquals(0, e.reward(), instance.name() + " was won by pressing " + submit + " alone");
                }
            }
        }
    }

    @Test
    @DisplayName("saying 'finished' without doing anything earns nothing")
    void finishedAtOnce() {
        try (VirtualEnvironment env = new VirtualEnvironment()) {
            for (var family : Families.all()) {
                Instance instance = family.generate(3, SCREEN);
                Episode e = Rollout.run(env, instance, frame -> List.of(new Action.Finished("done")));
                assertEquals(0, e.reward(), instance.name());
                assertEquals("finished", e.ending());
            }
        }
    }
}
