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

/** Drag a named item (one of 2–6 file chips) onto a named target (one of 2–4 folders). */
public final class DragDrop extends BaseFamily {
    public static final String NAME = "drag-drop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "drag the named item onto the named target";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 620, 460);
        s.chrome();
        if (rng.chance(0.6)) {
            s.heading(rng.pick("Organise files", "Sort your documents", "Drag and drop", "File manager"));
        }
        List<String> files = rng.sample(Words.FILES, rng.between(2, 6));
        List<String> folders = rng.sample(Words.FOLDERS, rng.between(2, 4));
        int chipH = s.fs + rng.between(14, 22);
        List<Widget.DragItem> chips = new ArrayList<>();
        for (String f : files) {
            int w = s.textWidth(f, s.fs, false) + 44;
            Rect r = s.free(w, chipH).orElseThrow(() -> new Misfit("no room for " + f));
            chips.add(s.add(new Widget.DragItem(s.id("item"), r, f)));
        }
        List<Widget.DropZone> zones = new ArrayList<>();
        int zw = rng.between(120, 200);
        int zh = rng.between(70, 120);
        for (String f : folders) {
            Rect r = s.free(zw, zh).orElseThrow(() -> new Misfit("no room for " + f));
            zones.add(s.add(new Widget.DropZone(s.id("zone"), r, f)));
        }
        s.distract(rng.between(0, 3), List.of());
        Widget.DragItem item = rng.pick(chips);
        Widget.DropZone zone = rng.pick(zones);
        String qi = Sketch.quote(rng, item.label());
        String qz = Sketch.quote(rng, zone.label());
        String instruction = rng.pick(
                "Drag " + qi + " onto " + qz + ".",
                "Move " + qi + " into the " + qz + " folder by dragging it.",
                "Drop " + qi + " on " + qz + ".",
                "Put " + qi + " in " + qz + " (drag and drop).");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(Scene.COMMITTED, item.id() + "@" + zone.id())),
                List.of(new PlanStep.Drag(
                        item.id(), zone.id(), "I drag " + item.label() + " onto the " + zone.label() + " folder.")),
                10);
    }
}
