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
 * A wizard of three or four pages: text fields, then a choice (radio group or drop-down), then
 * check boxes, then a last page to finish, with Next and Back buttons and a Cancel that ends the
 * task wrongly. The reward needs every value right when Finish is pressed.
 */
public final class MultiStepForm extends BaseFamily {
    public static final String NAME = "multi-step-form";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "fill in a form of three or four pages and finish it";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 640, 520);
        s.chrome();
        s.heading(rng.pick("Registration", "Checkout", "New account", "Booking", "Survey", "Setup"));
        int pages = rng.between(3, 4);
        String wizardId = s.id("wizard");
        List<List<Widget>> content = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        List<PlanStep> plan = new ArrayList<>();
        List<String> asks = new ArrayList<>();
        int top = s.content.y() + rng.between(50, 80);
        int padX = rng.between(14, 26);
        int padY = rng.between(6, 10);
        String next = rng.pick("Next", "Continue", "Next step", "Forward");
        String back = rng.pick("Back", "Previous");
        String finish = rng.pick("Finish", "Submit", "Complete", "Done", "Create account", "Place order");
        Size nextSize = s.buttonSize(next, padX, padY);
        Size backSize = s.buttonSize(back, padX, padY);
        Size finishSize = s.buttonSize(finish, padX, padY);
        Size cancelSize = s.buttonSize("Cancel", padX, padY);
        int buttonsY = s.content.y() + s.content.height() - nextSize.height();
        int right = s.content.x() + s.content.width();
        String finishId = "";
        for (int p = 0; p < pages; p++) {
            List<Widget> page = new ArrayList<>();
            page.add(s.label(
                    "Step " + (p + 1) + " of " + pages,
                    s.content.x(),
                    top - 34,
                    Math.max(11, s.fs - 1),
                    false,
                    Widget.Tone.MUTED));
            int y = top;
            boolean last = p == pages - 1;
            if (!last) {
                switch (p % 3) {
                    case 0 -> y = fields(s, rng, page, expected, plan, asks, y);
                    case 1 -> y = choice(s, rng, page, expected, plan, asks, y);
                    default -> y = checks(s, rng, page, expected, plan, asks, y);
                }
            } else {
                page.add(s.label(
                        rng.pick("Review your answers and finish.", "Almost done!", "Ready to submit?"),
                        s.content.x(),
                        y,
                        s.fs,
                        false,
                        Widget.Tone.NORMAL));
                y += s.fieldHeight();
                if (rng.chance(0.5)) {
                    String id = s.id("check");
                    page.add(new Widget.CheckBox(
                            id,
                            new Rect(
                                    s.content.x(),
                                    y,
                                    s.textWidth("Send me a copy", s.fs, false) + s.fs + 30,
                                    s.fieldHeight() - 4),
                            "Send me a copy",
                            false));
                    y += s.fieldHeight();
                }
            }
            if (y > buttonsY - 10) {
                throw new Misfit("page " + p + " is too tall");
            }
            int x = right;
            String id;
            if (last) {
                x -= finishSize.width();
                finishId = s.id("finish");
                page.add(new Widget.Button(
                        finishId,
                        new Rect(x, buttonsY, finishSize.width(), finishSize.height()),
                        finish,
                        Widget.Emphasis.PRIMARY,
                        Widget.Effect.COMMIT));
            } else {
                x -= nextSize.width();
                id = s.id("next");
                page.add(new Widget.Button(
                        id,
                        new Rect(x, buttonsY, nextSize.width(), nextSize.height()),
                        next,
                        Widget.Emphasis.PRIMARY,
                        Widget.Effect.NEXT_PAGE));
                plan.add(new PlanStep.Click(id, "This page is done; I press " + next + "."));
            }
            if (p > 0) {
                x -= backSize.width() + 10;
                page.add(new Widget.Button(
                        s.id("back"),
                        new Rect(x, buttonsY, backSize.width(), backSize.height()),
                        back,
                        Widget.Emphasis.SECONDARY,
                        Widget.Effect.PREVIOUS_PAGE));
            }
            page.add(new Widget.Button(
                    s.id("cancel"),
                    new Rect(s.content.x(), buttonsY, cancelSize.width(), cancelSize.height()),
                    "Cancel",
                    Widget.Emphasis.QUIET,
                    Widget.Effect.COMMIT));
            content.add(page);
        }
        plan.add(new PlanStep.Click(finishId, "Everything is filled in; I press " + finish + "."));
        expected.put(Scene.COMMITTED, finishId);
        s.addLoose(new Widget.Wizard(wizardId, s.content, content));
        String instruction = "Complete the form: " + String.join(", ", asks) + ", then click " + finish + ".";
        return new Instance(
                NAME, seed, s.scene(rng.pick(Words.TITLES)), instruction, new Goal(expected), plan, plan.size() + 10);
    }

    private static int fields(
            Sketch s,
            Rng rng,
            List<Widget> page,
            Map<String, String> expected,
            List<PlanStep> plan,
            List<String> asks,
            int y) {
        List<String> labels = rng.sample(Words.FIELDS, rng.between(2, 3));
        int labelWidth =
                labels.stream().mapToInt(l -> s.textWidth(l, s.fs, false)).max().orElse(80) + 20;
        int w = Math.min(s.content.width() - labelWidth - 10, rng.between(200, 360));
        for (String label : labels) {
            int h = s.fieldHeight();
            page.add(new Widget.Label(
                    s.id("label"),
                    new Rect(
                            s.content.x(),
                            y + (h - s.textHeight(s.fs)) / 2 - 2,
                            s.textWidth(label, s.fs, false) + 6,
                            s.textHeight(s.fs) + 4),
                    label,
                    s.fs,
                    false,
                    Widget.Tone.NORMAL));
            String id = s.id("field");
            page.add(new Widget.TextField(id, new Rect(s.content.x() + labelWidth, y, w, h), "", "", false));
            String value = FillField.value(rng, label);
            expected.put(id, value);
            plan.add(new PlanStep.Click(id, "I click the " + label + " field."));
            plan.add(new PlanStep.Type(value, "I type " + value + "."));
            asks.add(label + " " + Sketch.quote(rng, value));
            y += h + rng.between(8, 16);
        }
        return y;
    }

    private static int choice(
            Sketch s,
            Rng rng,
            List<Widget> page,
            Map<String, String> expected,
            List<PlanStep> plan,
            List<String> asks,
            int y) {
        String label = rng.pick("Plan", "Shipping", "Size", "Payment", "Frequency", "Language");
        List<String> options = SelectOption.items(rng, label, rng.between(3, 5));
        page.add(s.label(label, s.content.x(), y, s.fs + 1, true, Widget.Tone.NORMAL));
        y += s.textHeight(s.fs + 1) + 8;
        int k = rng.between(0, options.size() - 1);
        if (rng.chance(0.5)) {
            String group = s.id("group");
            for (int i = 0; i < options.size(); i++) {
                String id = s.id("radio");
                page.add(new Widget.Radio(
                        id,
                        new Rect(
                                s.content.x() + 10,
                                y,
                                s.textWidth(options.get(i), s.fs, false) + s.fs + 30,
                                s.fieldHeight() - 4),
                        options.get(i),
                        group,
                        false));
                if (i == k) {
                    expected.put(group, id);
                    plan.add(new PlanStep.Click(id, "I choose " + options.get(i) + "."));
                }
                y += s.fieldHeight();
            }
        } else {
            String id = s.id("dropdown");
            int w = options.stream()
                            .mapToInt(o -> s.textWidth(o, s.fs, false))
                            .max()
                            .orElse(100)
                    + 60;
            page.add(new Widget.Dropdown(id, new Rect(s.content.x(), y, w, s.fieldHeight()), "Select…", options, -1));
            expected.put(id, options.get(k));
            plan.add(new PlanStep.Click(id, "I open the " + label + " drop-down."));
            plan.add(new PlanStep.Click(id + "/" + k, "I pick " + options.get(k) + "."));
            y += s.fieldHeight() * (options.size() + 1);
        }
        asks.add(label + " " + Sketch.quote(rng, options.get(k)));
        return y;
    }

    private static int checks(
            Sketch s,
            Rng rng,
            List<Widget> page,
            Map<String, String> expected,
            List<PlanStep> plan,
            List<String> asks,
            int y) {
        List<String> labels = rng.sample(Words.FEATURES, rng.between(2, 4));
        List<String> wanted = rng.sample(labels, rng.between(1, labels.size()));
        for (String label : labels) {
            String id = s.id("check");
            page.add(new Widget.CheckBox(
                    id,
                    new Rect(s.content.x(), y, s.textWidth(label, s.fs, false) + s.fs + 30, s.fieldHeight() - 4),
                    label,
                    false));
            boolean want = wanted.contains(label);
            expected.put(id, String.valueOf(want));
            if (want) {
                plan.add(new PlanStep.Click(id, "I tick " + label + "."));
            }
            y += s.fieldHeight();
        }
        asks.add("tick only "
                + Sentences.list(wanted.stream().map(w -> Sketch.quote(rng, w)).toList()));
        return y;
    }
}
