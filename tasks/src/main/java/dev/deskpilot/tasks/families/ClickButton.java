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
 * Click the button with a given label among 5–12 buttons laid out as a toolbar, a column, a grid
 * or scattered. Every button ends the task, so only the named one earns the reward.
 */
public final class ClickButton extends BaseFamily {
    public static final String NAME = "click-button";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "click the button with the given label among several";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 560, 400);
        s.chrome();
        if (rng.chance(0.6)) {
            s.heading(rng.pick(Words.TITLES));
        }
        int n = rng.between(5, 12);
        List<String> labels = rng.sample(Words.BUTTONS, n);
        int padX = rng.between(10, 28);
        int padY = rng.between(5, 12);
        boolean uniform = rng.chance(0.4);
        int uniformWidth = labels.stream()
                .mapToInt(l -> s.buttonSize(l, padX, padY).width())
                .max()
                .orElse(80);
        List<Widget.Button> buttons = new ArrayList<>();
        int layout = rng.between(0, 3);
        int gap = rng.between(8, 24);
        int x = s.content.x() + rng.between(0, 40);
        int y = s.content.y() + rng.between(30, 90);
        int col = 0;
        int cols = rng.between(2, 4);
        for (String label : labels) {
            Size size = s.buttonSize(label, padX, padY);
            int w = uniform ? uniformWidth : size.width();
            Rect r = switch (layout) {
                case 0 -> { // toolbar rows
                    if (x + w > s.content.x() + s.content.width()) {
                        x = s.content.x();
                        y += size.height() + gap;
                    }
                    Rect at = new Rect(x, y, w, size.height());
                    x += w + gap;
                    yield at;
                }
                case 1 -> { // one column
                    Rect at = new Rect(x, y, uniformWidth, size.height());
                    y += size.height() + gap;
                    yield at;
                }
                case 2 -> { // grid
                    Rect at = new Rect(s.content.x() + col * (uniformWidth + gap), y, uniformWidth, size.height());
                    if (++col == cols) {
                        col = 0;
                        y += size.height() + gap;
                    }
                    yield at;
                }
                default -> s.free(w, size.height()).orElse(null);
            };
            if (r == null || !s.isFree(r)) {
                r = s.free(w, size.height()).orElse(null);
            }
            if (r == null) {
                continue;
            }
            buttons.add(s.add(new Widget.Button(
                    s.id("button"),
                    r,
                    label,
                    rng.pick(
                            Widget.Emphasis.PRIMARY,
                            Widget.Emphasis.SECONDARY,
                            Widget.Emphasis.SECONDARY,
                            Widget.Emphasis.DANGER,
                            Widget.Emphasis.QUIET),
                    Widget.Effect.COMMIT)));
        }
        if (buttons.size() < 2) {
            throw new Misfit("buttons do not fit");
        }
        s.distract(rng.between(0, 4), List.of());
        Widget.Button target = rng.pick(buttons);
        String q = Sketch.quote(rng, target.label());
        String instruction = rng.pick(
                "Click the " + q + " button.",
                "Press " + q + ".",
                "Click on the button labelled " + q + ".",
                "Find the " + q + " button and click it.",
                "Hit " + q + ".");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(Scene.COMMITTED, target.id())),
                List.of(new PlanStep.Click(target.id(), "I need to click the " + target.label() + " button.")),
                10);
    }
}
