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
 * Switch to a named tab of a 3–7 tab strip whose pages hold settings-like widgets; buttons below
 * the tabs end the task wrongly. The reward needs the named tab shown and no commit.
 */
public final class SwitchTab extends BaseFamily {
    public static final String NAME = "switch-tab";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "switch to the tab with the given title";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 640, 440);
        s.chrome();
        if (rng.chance(0.5)) {
            s.heading(rng.pick(Words.TITLES));
        }
        List<String> titles = rng.sample(Words.TABS, rng.between(3, 7));
        int padX = rng.between(12, 26);
        int h = s.fs + rng.between(14, 24);
        int x = s.content.x();
        int y = s.content.y() + rng.between(40, 70);
        boolean equal = rng.chance(0.4);
        int equalWidth = titles.stream()
                .mapToInt(t -> s.textWidth(t, s.fs, true) + 2 * padX)
                .max()
                .orElse(80);
        String tabsId = s.id("tabs");
        List<Widget.Tab> tabs = new ArrayList<>();
        Rect pageArea = new Rect(
                s.content.x(), y + h + 12, s.content.width(), s.content.height() - (y + h + 12 - s.content.y()) - 60);
        for (String title : titles) {
            int w = equal ? equalWidth : s.textWidth(title, s.fs, true) + 2 * padX;
            if (x + w > s.content.x() + s.content.width()) {
                break;
            }
            Rect handle = new Rect(x, y, w, h);
            x += w + rng.between(0, 6);
            tabs.add(new Widget.Tab(s.id("tab"), handle, title, page(s, rng, title, pageArea)));
        }
        Rect strip = new Rect(s.content.x(), y, s.content.width(), h);
        int initial = rng.between(0, tabs.size() - 1);
        int target = (initial + rng.between(1, tabs.size() - 1)) % tabs.size();
        s.add(new Widget.Tabs(tabsId, strip, tabs, initial));
        s.take(pageArea);
        List<String> buttons =
                rng.sample(List.of("OK", "Cancel", "Apply", "Close", "Help", "Save", "Reset"), rng.between(1, 3));
        int bx = s.content.x() + s.content.width();
        int by = s.content.y() + s.content.height() - h;
        for (String b : buttons) {
            Size bs = s.buttonSize(b, padX, (h - s.fs) / 2);
            bx -= bs.width();
            Rect r = new Rect(bx, by, bs.width(), bs.height());
            bx -= 12;
            if (s.isFree(r)) {
                s.add(new Widget.Button(
                        s.id("button"), r, b, rng.pick(Widget.Emphasis.values()), Widget.Effect.COMMIT));
            }
        }
        Widget.Tab goal = tabs.get(target);
        String q = Sketch.quote(rng, goal.title());
        String instruction = rng.pick(
                "Switch to the " + q + " tab.",
                "Open the " + q + " tab.",
                "Go to the tab " + q + ".",
                "Show the " + q + " tab.");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(tabsId, goal.id(), Scene.COMMITTED, "")),
                List.of(
                        new PlanStep.Click(goal.id(), "The " + goal.title() + " tab is in the tab strip; I click it."),
                        new PlanStep.Finish(
                                "Switched to the " + goal.title() + " tab.",
                                "The " + goal.title() + " tab is shown now.")),
                10);
    }

    /** A tab page: a few labelled check boxes and notes, none of which matter. */
    static List<Widget> page(Sketch s, Rng rng, String title, Rect area) {
        List<Widget> content = new ArrayList<>();
        int y = area.y() + 16;
        int lh = s.fieldHeight();
        content.add(s.label(title + " settings", area.x() + 8, y, s.fs + 2, true, Widget.Tone.NORMAL));
        y += lh;
        for (String feature : rng.sample(Words.FEATURES, rng.between(1, 4))) {
            if (y + lh > area.y() + area.height()) {
                break;
            }
            content.add(new Widget.CheckBox(
                    s.id("check"),
                    new Rect(area.x() + 8, y, s.textWidth(feature, s.fs, false) + s.fs + 24, lh - 4),
                    feature,
                    rng.chance(0.5)));
            y += lh;
        }
        if (y + lh <= area.y() + area.height()) {
            String note = rng.pick(Words.FILLER);
            content.add(s.label(note, area.x() + 8, y, Math.max(10, s.fs - 1), false, Widget.Tone.MUTED));
        }
        return content;
    }
}
