package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Goal;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.PlanStep;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.Widget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tick exactly a given set of 4–9 check boxes (some start ticked, some of those must be cleared)
 * and press the submit button; the reward needs every box right at the moment of submitting.
 */
public final class TickBoxes extends BaseFamily {
    public static final String NAME = "tick-boxes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "tick exactly the named check boxes, then submit";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 560, 480);
        s.chrome();
        s.heading(rng.pick("Preferences", "Options", "Choose features", "Notifications", "Extras", "Settings"));
        List<String> labels = rng.sample(Words.FEATURES, rng.between(4, 9));
        int columns = labels.size() > 5 && rng.chance(0.5) ? 2 : 1;
        int h = s.fieldHeight() - rng.between(0, 6);
        int colWidth =
                labels.stream().mapToInt(l -> s.textWidth(l, s.fs, false)).max().orElse(100) + s.fs + 40;
        int x0 = s.content.x() + rng.between(0, 40);
        int y0 = s.content.y() + rng.between(50, 80);
        int gap = rng.between(4, 14);
        List<String> target = rng.sample(labels, rng.between(1, Math.min(4, labels.size() - 1)));
        Map<String, String> expected = new HashMap<>();
        List<PlanStep> plan = new ArrayList<>();
        int rows = (labels.size() + columns - 1) / columns;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            int col = i / rows;
            int row = i % rows;
            Rect r = new Rect(x0 + col * (colWidth + 20), y0 + row * (h + gap), colWidth, h);
            boolean initially = rng.chance(0.35);
            String id = s.id("check");
            s.add(new Widget.CheckBox(id, r, label, initially));
            boolean want = target.contains(label);
            expected.put(id, String.valueOf(want));
            if (want != initially) {
                plan.add(new PlanStep.Click(
                        id,
                        want
                                ? label + " must be ticked; I tick it."
                                : label + " is ticked but should not be; I clear it."));
            }
        }
        if (plan.isEmpty()) {
            // Nothing to change would let a bare submit win; make the first target start unticked.
            throw new Misfit("nothing to change");
        }
        String submit = rng.pick("Submit", "Save", "Apply", "Continue", "Done", "Update");
        Size bs = s.buttonSize(submit, rng.between(14, 26), rng.between(6, 10));
        Rect br = new Rect(x0, y0 + rows * (h + gap) + rng.between(10, 30), bs.width(), bs.height());
        String submitId = s.id("submit");
        s.add(new Widget.Button(submitId, br, submit, Widget.Emphasis.PRIMARY, Widget.Effect.COMMIT));
        s.distract(rng.between(0, 3), rng.sample(List.of("Cancel", "Reset", "Back", "Select all"), rng.between(1, 2)));
        expected.put(Scene.COMMITTED, submitId);
        plan.add(new PlanStep.Click(submitId, "The boxes are right; I press " + submit + "."));
        String list =
                Sentences.list(target.stream().map(t -> Sketch.quote(rng, t)).toList());
        String instruction = rng.pick(
                "Tick " + list + " and nothing else, then click " + submit + ".",
                "Select only " + list + " and press " + submit + ".",
                "Make sure exactly " + list + (target.size() == 1 ? " is" : " are") + " checked, then "
                        + submit.toLowerCase(java.util.Locale.ROOT) + ".",
                "Enable " + list + ", disable everything else, and click " + submit + ".");
        return new Instance(NAME, seed, s.scene(rng.pick(Words.TITLES)), instruction, new Goal(expected), plan, 16);
    }
}
