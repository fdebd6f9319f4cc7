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
 * Scroll a long list (25–70 rows, 4–10 in view) until a named row shows, then click it; the row
 * starts out of sight and every row ends the task when clicked.
 */
public final class ScrollFind extends BaseFamily {
    public static final String NAME = "scroll-find";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "scroll a long list to the named item and click it";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 560, 460);
        s.chrome();
        s.heading(rng.pick("Contacts", "Files", "Projects", "Products", "Stations", "Members", "Library", "Catalog"));
        int n = rng.between(25, 70);
        List<String> items = new ArrayList<>();
        String style = rng.pick("plain", "file", "person", "code");
        List<String> base = rng.sample(Words.LIST_ITEMS, Words.LIST_ITEMS.size());
        for (int i = 0; i < n; i++) {
            String word = base.get(i % base.size());
            items.add(
                    switch (style) {
                        case "file" ->
                            word.toLowerCase(java.util.Locale.ROOT) + "_" + rng.between(1, 99)
                                    + rng.pick(".txt", ".pdf", ".png", ".csv");
                        case "person" -> rng.pick(Words.FIRST_NAMES) + " " + word;
                        case "code" -> word + " " + rng.pick("A", "B", "C", "X") + "-" + rng.between(10, 999);
                        default -> word;
                    });
        }
        if (rng.chance(0.5)) {
            items.sort(String::compareTo);
        }
        items = new ArrayList<>(new java.util.LinkedHashSet<>(items));
        int rh = s.textHeight(s.fs) + rng.between(8, 16);
        int visible = rng.between(4, 10);
        int w = Math.min(s.content.width(), rng.between(260, 480));
        Rect r = s.free(w, visible * rh + 2).orElseThrow(() -> new Misfit("no room for the list"));
        String listId = s.id("list");
        s.add(new Widget.ListBox(listId, r, items, rh, -1, true));
        int k = rng.between(visible + 1, items.size() - 1);
        String target = items.get(k);
        s.distract(rng.between(0, 3), rng.sample(List.of("Refresh", "New", "Sort", "Close"), rng.between(0, 2)));
        String q = Sketch.quote(rng, target);
        String instruction = rng.pick(
                "Scroll down the list to " + q + " and click it.",
                "Find " + q + " in the list and click on it.",
                "Click " + q + " (scroll the list to find it).",
                "Open " + q + " from the list.");
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(Scene.COMMITTED, listId + "/" + k)),
                List.of(
                        new PlanStep.ScrollTo(
                                listId, listId + "/" + k, target + " is not in view; I scroll the list towards it."),
                        new PlanStep.Click(listId + "/" + k, target + " is visible now; I click it.")),
                20);
    }
}
