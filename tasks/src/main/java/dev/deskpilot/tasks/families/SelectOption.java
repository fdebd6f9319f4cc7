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
 * Choose a named item from a drop-down (open it, pick the option) or from a list box (scrolling
 * it if the item is out of sight), beside another such control that does not matter, then press
 * the submit button.
 */
public final class SelectOption extends BaseFamily {
    public static final String NAME = "select-option";

    private static final List<String> LABELS = List.of(
            "Country", "Colour", "Size", "Plan", "Category", "Department", "Language", "Region", "Team", "Status");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "choose the named item from a drop-down or a list, then submit";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 620, 520);
        s.chrome();
        s.heading(rng.pick(Words.TITLES));
        List<String> labels = rng.sample(LABELS, rng.between(1, 2));
        FormLayout form = new FormLayout(s, labels, s.content.y() + rng.between(50, 80));
        String targetId = "";
        String targetItem = "";
        String targetLabel = "";
        List<PlanStep> plan = new ArrayList<>();
        int which = rng.between(0, labels.size() - 1);
        boolean list = false;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            List<String> items = items(rng, label, rng.between(4, 12));
            boolean asList = rng.chance(0.4);
            int h = s.fieldHeight() + rng.between(0, 6);
            String id = s.id(asList ? "list" : "dropdown");
            if (asList) {
                int rows = Math.min(items.size(), rng.between(4, 7));
                int rh = s.textHeight(s.fs) + rng.between(8, 14);
                Rect r = form.row(label, rows * rh + 2, Math.min(form.inputWidth(), 300));
                s.add(new Widget.ListBox(id, r, items, rh, -1, false));
                if (i == which) {
                    int k = rng.between(0, items.size() - 1);
                    targetId = id;
                    targetItem = items.get(k);
                    targetLabel = label;
                    list = true;
                    plan.add(new PlanStep.ScrollTo(
                            id, id + "/" + k, "The list may hide " + targetItem + "; I scroll to it."));
                    plan.add(new PlanStep.Click(id + "/" + k, "I click " + targetItem + " in the " + label + " list."));
                }
            } else {
                Rect r = form.row(label, h, Math.min(form.inputWidth(), 320));
                if (h * items.size() > s.window.height() - s.theme.titleBar()) {
                    throw new Misfit("the options of " + label + " do not fit the window");
                }
                int selected = rng.chance(0.3) ? rng.between(0, items.size() - 1) : -1;
                String placeholder = rng.pick("Select…", "Choose one", "— select —", "Please choose", "");
                s.add(new Widget.Dropdown(id, r, placeholder, items, selected));
                // Room for the open options below it, so nothing placed later is hidden behind them.
                s.take(new Rect(
                        r.x(),
                        r.y() + r.height(),
                        r.width(),
                        Math.min(h * items.size(), s.window.height() - r.y() - r.height())));
                if (i == which) {
                    int k = rng.between(0, items.size() - 1);
                    if (k == selected) {
                        k = (k + 1) % items.size();
                    }
                    targetId = id;
                    targetItem = items.get(k);
                    targetLabel = label;
                    plan.add(new PlanStep.Click(id, "I open the " + label + " drop-down."));
                    plan.add(new PlanStep.Click(id + "/" + k, "The options are open; I pick " + targetItem + "."));
                }
            }
        }
        String submit = rng.pick("Save", "Submit", "Apply", "Continue", "OK");
        Size bs = s.buttonSize(submit, rng.between(14, 26), rng.between(6, 10));
        String submitId = s.id("submit");
        Rect br = s.free(bs.width(), bs.height()).orElseThrow(() -> new Misfit("no room for the submit button"));
        s.add(new Widget.Button(submitId, br, submit, Widget.Emphasis.PRIMARY, Widget.Effect.COMMIT));
        s.distract(rng.between(0, 2), rng.sample(List.of("Cancel", "Reset", "Back"), rng.between(0, 2)));
        plan.add(new PlanStep.Click(submitId, "I press " + submit + " to confirm."));
        String q = Sketch.quote(rng, targetItem);
        String control = list ? "list" : "drop-down";
        String instruction = rng.pick(
                "Select " + q + " from the " + targetLabel + " " + control + " and click " + submit + ".",
                "Choose " + q + " as " + targetLabel + ", then press " + submit + ".",
                "Set " + targetLabel + " to " + q + " and " + submit.toLowerCase(java.util.Locale.ROOT) + ".",
                "Pick " + q + " in " + targetLabel + " and hit " + submit + ".");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(targetId, targetItem, Scene.COMMITTED, submitId)),
                plan,
                16);
    }

    static List<String> items(Rng rng, String label, int n) {
        List<String> pool = switch (label) {
            case "Country", "Region" -> Words.COUNTRIES;
            case "Language" ->
                List.of(
                        "English",
                        "Spanish",
                        "German",
                        "French",
                        "Italian",
                        "Japanese",
                        "Korean",
                        "Polish",
                        "Dutch",
                        "Swedish",
                        "Turkish",
                        "Greek",
                        "Hindi",
                        "Arabic");
            case "Team", "Department" ->
                List.of(
                        "Sales",
                        "Marketing",
                        "Engineering",
                        "Support",
                        "Finance",
                        "Legal",
                        "Design",
                        "Operations",
                        "Research",
                        "Security",
                        "Data",
                        "People");
            default -> Words.OPTIONS;
        };
        List<String> items = rng.sample(pool, n);
        if (rng.chance(0.6)) {
            items.sort(String::compareTo);
        }
        return items;
    }
}
