package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Goal;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.PlanStep;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.Widget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Focus the named field of a 2–5 field form and type the given text; the other fields must keep
 * what they hold, and buttons end the task wrongly.
 */
public final class FillField extends BaseFamily {
    public static final String NAME = "fill-field";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "click into the named text field and type the given text";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 560, 420);
        s.chrome();
        s.heading(rng.pick(Words.TITLES));
        List<String> labels = rng.sample(Words.FIELDS, rng.between(2, 5));
        FormLayout form = new FormLayout(s, labels, s.content.y() + rng.between(50, 80));
        Map<String, String> expected = new HashMap<>();
        String[] ids = new String[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            Rect r = form.row(labels.get(i), s.fieldHeight() + rng.between(0, 10));
            String initial = rng.chance(0.25) ? value(rng, labels.get(i)) : "";
            String placeholder = rng.chance(0.4) ? rng.pick("Type here", "Required", "Optional", labels.get(i)) : "";
            ids[i] = s.id("field");
            s.add(new Widget.TextField(ids[i], r, placeholder, initial, false));
            expected.put(ids[i], initial);
        }
        int target = rng.between(0, labels.size() - 1);
        String label = labels.get(target);
        String text = value(rng, label);
        while (text.equals(expected.get(ids[target]))) {
            text = value(rng, label) + rng.between(1, 9);
        }
        boolean hadText = !expected.get(ids[target]).isEmpty();
        expected.put(ids[target], text);
        expected.put(Scene.COMMITTED, "");
        s.distract(
                rng.between(0, 3),
                rng.sample(List.of("Save", "Submit", "Cancel", "Reset", "Next", "Clear"), rng.between(1, 3)));
        String q = Sketch.quote(rng, text);
        String fieldName = Sketch.quote(rng, label);
        String instruction = rng.pick(
                "Type " + q + " into the " + fieldName + " field.",
                "Enter " + q + " in " + fieldName + ".",
                "Fill in " + fieldName + " with " + q + ".",
                "Set the " + fieldName + " field to " + q + ".");
        List<PlanStep> plan = new java.util.ArrayList<>();
        plan.add(new PlanStep.Click(ids[target], "I click into the " + label + " field to type there."));
        if (hadText) {
            plan.add(new PlanStep.Hotkey(
                    List.of("ctrl", "a"), "The field already holds text; I select it all to replace it."));
        }
        plan.add(new PlanStep.Type(text, "The " + label + " field is focused; I type " + text + "."));
        plan.add(new PlanStep.Finish("Typed " + text + " into " + label + ".", "The field shows " + text + " now."));
        return new Instance(NAME, seed, s.scene(rng.pick(Words.TITLES)), instruction, new Goal(expected), plan, 12);
    }

    /** A plausible value for a field with this label. */
    static String value(Rng rng, String label) {
        String first = rng.pick(Words.FIRST_NAMES);
        String last = rng.pick(Words.LAST_NAMES);
        return switch (label) {
            case "First name", "Middle name", "Nickname", "Display name" -> first;
            case "Last name" -> last;
            case "Email" ->
                (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace("ü", "u") + "@"
                        + rng.pick("example.com", "mail.org", "work.net");
            case "Phone" -> "+" + rng.between(1, 49) + " " + rng.between(100, 999) + " " + rng.between(1000, 9999);
            case "City" -> rng.pick(Words.CITIES);
            case "Country" -> rng.pick(Words.COUNTRIES);
            case "ZIP code" -> String.valueOf(rng.between(10000, 99999));
            case "Website" -> "www." + last.toLowerCase(java.util.Locale.ROOT).replace("ü", "u") + ".com";
            case "Street", "Address" ->
                rng.between(1, 250) + " " + rng.pick("Main St", "Oak Avenue", "Harbor Road", "Hill Lane");
            case "Reference", "Coupon code" -> rng.pick("REF", "SAVE", "XK", "Q") + rng.between(100, 9999);
            default -> rng.pick(Words.LIST_ITEMS) + " " + rng.pick("Labs", "Group", "Team", "Project", "Works");
        };
    }
}
