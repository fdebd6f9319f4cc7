package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Goal;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.PlanStep;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.Widget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pick a named option in one of one or two radio groups (3–6 options each, laid out in a column or
 * a row) and press the submit button.
 */
public final class PickRadio extends BaseFamily {
    public static final String NAME = "pick-radio";

    private static final List<String> GROUPS = List.of(
            "Shipping",
            "Plan",
            "Billing cycle",
            "Size",
            "Colour",
            "Priority",
            "Visibility",
            "Language",
            "Payment",
            "Theme",
            "Frequency");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "choose the named radio option and submit";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 600, 460);
        s.chrome();
        s.heading(rng.pick(Words.TITLES));
        int groups = rng.between(1, 2);
        List<String> groupNames = rng.sample(GROUPS, groups);
        List<String> pool = new ArrayList<>(rng.sample(Words.OPTIONS, 12));
        int y = s.content.y() + rng.between(50, 80);
        int x = s.content.x() + rng.between(0, 40);
        int h = s.fieldHeight() - rng.between(0, 6);
        List<List<Widget.Radio>> radios = new ArrayList<>();
        for (String group : groupNames) {
            s.add(s.label(group, x, y, s.fs + 1, true, Widget.Tone.NORMAL));
            y += s.textHeight(s.fs + 1) + 10;
            int n = rng.between(3, 6);
            List<String> labels = new ArrayList<>(pool.subList(0, n));
            pool.subList(0, n).clear();
            boolean row = rng.chance(0.35);
            int selected = rng.chance(0.5) ? rng.between(0, n - 1) : -1;
            List<Widget.Radio> inGroup = new ArrayList<>();
            String groupId = s.id("group");
            int rx = x + 10;
            for (int i = 0; i < n; i++) {
                int w = s.textWidth(labels.get(i), s.fs, false) + s.fs + 30;
                Rect r;
                if (row && rx + w <= s.content.x() + s.content.width()) {
                    r = new Rect(rx, y, w, h);
                    rx += w + rng.between(10, 24);
                } else {
                    if (row) {
                        rx = x + 10;
                        y += h + 6;
                        r = new Rect(rx, y, w, h);
                        rx += w + rng.between(10, 24);
                    } else {
                        r = new Rect(x + 10, y, w, h);
                        y += h + rng.between(2, 10);
                    }
                }
                inGroup.add(s.add(new Widget.Radio(s.id("radio"), r, labels.get(i), groupId, i == selected)));
            }
            if (row) {
                y += h + 6;
            }
            y += rng.between(12, 30);
            radios.add(inGroup);
        }
        int g = rng.between(0, groups - 1);
        List<Widget.Radio> group = radios.get(g);
        Widget.Radio target = rng.pick(group.stream().filter(r -> !r.selected()).toList());
        String submit = rng.pick("Continue", "Submit", "Save", "Next", "Confirm", "OK");
        Size bs = s.buttonSize(submit, rng.between(14, 26), rng.between(6, 10));
        String submitId = s.id("submit");
        Rect br = new Rect(x, y, bs.width(), bs.height());
        if (!s.isFree(br)) {
            br = s.free(bs.width(), bs.height()).orElseThrow(() -> new Misfit("no room for the button"));
        }
        s.add(new Widget.Button(submitId, br, submit, Widget.Emphasis.PRIMARY, Widget.Effect.COMMIT));
        s.distract(rng.between(0, 3), rng.sample(List.of("Cancel", "Back", "Reset"), rng.between(0, 2)));
        String q = Sketch.quote(rng, target.label());
        String groupName = groupNames.get(g);
        String instruction = rng.pick(
                "Choose " + q + " under " + groupName + " and click " + submit + ".",
                "Select the " + q + " option for " + groupName + ", then press " + submit + ".",
                "Set " + groupName + " to " + q + " and " + submit.toLowerCase(java.util.Locale.ROOT) + ".",
                "Pick " + q + " as the " + groupName.toLowerCase(java.util.Locale.ROOT) + " and click " + submit + ".");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(target.group(), target.id(), Scene.COMMITTED, submitId)),
                List.of(
                        new PlanStep.Click(
                                target.id(), "I choose " + target.label() + " in the " + groupName + " group."),
                        new PlanStep.Click(submitId, "Now I press " + submit + ".")),
                12);
    }
}
