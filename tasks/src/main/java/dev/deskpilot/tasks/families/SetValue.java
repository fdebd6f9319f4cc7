package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Goal;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.PlanStep;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.SliderGeometry;
import dev.deskpilot.tasks.env.Widget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Set a named slider or spinner to a value and press the apply button; one or two more such
 * controls stand beside it. Sliders are dragged; spinners are stepped with their arrows or, for
 * larger changes, retyped.
 */
public final class SetValue extends BaseFamily {
    public static final String NAME = "set-value";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "set the named slider or spinner to the given value, then apply";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 600, 440);
        s.chrome();
        s.heading(rng.pick("Adjust", "Settings", "Audio", "Display", "Order", "Booking", "Print"));
        int controls = rng.between(1, 3);
        List<String> sliderNames = rng.sample(Words.SLIDERS, controls);
        List<String> spinnerNames = rng.sample(Words.SPINNERS, controls);
        List<String> labels = new ArrayList<>();
        List<Boolean> kinds = new ArrayList<>();
        for (int i = 0; i < controls; i++) {
            boolean slider = rng.chance(0.55);
            kinds.add(slider);
            labels.add(slider ? sliderNames.get(i) : spinnerNames.get(i));
        }
        FormLayout form = new FormLayout(s, labels, s.content.y() + rng.between(50, 80));
        int which = rng.between(0, controls - 1);
        List<PlanStep> plan = new ArrayList<>();
        String targetId = "";
        int targetValue = 0;
        for (int i = 0; i < controls; i++) {
            boolean slider = kinds.get(i);
            String label = labels.get(i);
            if (slider) {
                int[][] ranges = {{0, 100}, {0, 50}, {10, 90}, {0, 20}, {1, 10}, {0, 255}, {-50, 50}};
                int[] range = rng.pick(ranges);
                int units = range[1] - range[0];
                int track = Math.max(2 * units, rng.between(180, 420));
                int width = track + 2 * SliderGeometry.THUMB_RADIUS + SliderGeometry.VALUE_BOX;
                if (width > form.inputWidth() + 200) {
                    throw new Misfit("slider too wide");
                }
                Rect r = form.row(label, 2 * SliderGeometry.THUMB_RADIUS + rng.between(8, 16), width);
                int value = rng.between(range[0], range[1]);
                String id = s.id("slider");
                s.add(new Widget.Slider(id, r, range[0], range[1], value));
                if (i == which) {
                    int want = value;
                    while (want == value) {
                        want = rng.between(range[0], range[1]);
                    }
                    targetId = id;
                    targetValue = want;
                    plan.add(new PlanStep.Slide(id, want, "I drag the " + label + " slider's knob to " + want + "."));
                }
            } else {
                int min = rng.pick(0, 1, 1, 0, 10);
                int max = min + rng.pick(9, 20, 50, 99);
                int value = rng.between(min, max);
                Rect r = form.row(label, s.fieldHeight(), rng.between(90, 150));
                String id = s.id("spinner");
                s.add(new Widget.Spinner(id, r, min, max, value));
                if (i == which) {
                    int want = value;
                    while (want == value) {
                        want = rng.chance(0.5)
                                ? Math.max(min, Math.min(max, value + rng.between(-4, 4)))
                                : rng.between(min, max);
                    }
                    targetId = id;
                    targetValue = want;
                    int diff = want - value;
                    if (Math.abs(diff) <= 4) {
                        for (int k = 0; k < Math.abs(diff); k++) {
                            plan.add(new PlanStep.Click(
                                    id + (diff > 0 ? "#up" : "#down"),
                                    "The " + label + " is " + (value + Integer.signum(diff) * k) + "; I click the "
                                            + (diff > 0 ? "up" : "down") + " arrow."));
                        }
                    } else {
                        plan.add(new PlanStep.Click(id, "I click into the " + label + " field."));
                        plan.add(new PlanStep.Hotkey(List.of("ctrl", "a"), "I select the number to replace it."));
                        plan.add(new PlanStep.Type(String.valueOf(want), "I type " + want + "."));
                    }
                }
            }
        }
        String apply = rng.pick("Apply", "Save", "OK", "Update", "Confirm", "Set");
        Size bs = s.buttonSize(apply, rng.between(14, 26), rng.between(6, 10));
        String applyId = s.id("apply");
        Rect br = form.plain(bs.width(), bs.height());
        if (!s.isFree(br)) {
            br = s.free(bs.width(), bs.height()).orElseThrow(() -> new Misfit("no room for the apply button"));
        }
        s.add(new Widget.Button(applyId, br, apply, Widget.Emphasis.PRIMARY, Widget.Effect.COMMIT));
        s.distract(rng.between(0, 2), rng.sample(List.of("Reset", "Cancel", "Defaults"), rng.between(0, 2)));
        plan.add(new PlanStep.Click(applyId, "The value is set; I press " + apply + "."));
        String label = labels.get(which);
        String instruction = rng.pick(
                "Set " + label + " to " + targetValue + " and click " + apply + ".",
                "Change the " + label.toLowerCase(java.util.Locale.ROOT) + " to " + targetValue + ", then press "
                        + apply + ".",
                "Adjust " + Sketch.quote(rng, label) + " to exactly " + targetValue + " and "
                        + apply.toLowerCase(java.util.Locale.ROOT) + ".",
                "Make " + label + " " + targetValue + " and hit " + apply + ".");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(targetId, String.valueOf(targetValue), Scene.COMMITTED, applyId)),
                plan,
                Math.max(12, plan.size() + 6));
    }
}
