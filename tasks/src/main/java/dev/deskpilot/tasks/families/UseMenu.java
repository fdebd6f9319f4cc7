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
 * Choose a named command from a menu bar of 3–6 menus, sometimes inside a submenu, over a window
 * with a toolbar whose buttons end the task wrongly.
 */
public final class UseMenu extends BaseFamily {
    public static final String NAME = "use-menu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "choose the named command from a menu (or a submenu)";
    }

    @Override
    Instance make(Rng rng, long seed, Size screen) {
        Sketch s = new Sketch(rng, screen, 640, 480);
        int barH = s.fs + rng.between(10, 18);
        Rect bar = new Rect(0, s.theme.titleBar(), s.window.width(), barH);
        List<String> titles = rng.sample(Words.MENUS, rng.between(3, 6));
        List<String> pool = new ArrayList<>(rng.sample(Words.MENU_ITEMS, Words.MENU_ITEMS.size()));
        int itemH = s.fs + rng.between(10, 16);
        int itemW =
                pool.stream().mapToInt(i -> s.textWidth(i, s.fs, false)).max().orElse(120) + 56;
        List<Widget.Menu> menus = new ArrayList<>();
        List<List<PlanStep>> paths = new ArrayList<>();
        int x = rng.between(4, 12);
        for (String title : titles) {
            int w = s.textWidth(title, s.fs, false) + rng.between(20, 32);
            String menuId = s.id("menu");
            List<Widget.MenuItem> items = new ArrayList<>();
            int n = rng.between(3, 7);
            for (int i = 0; i < n && !pool.isEmpty(); i++) {
                String label = pool.removeFirst();
                String itemId = s.id("item");
                if (rng.chance(0.2) && pool.size() > 4) {
                    List<Widget.MenuItem> sub = new ArrayList<>();
                    int m = rng.between(2, 4);
                    for (int k = 0; k < m; k++) {
                        String subLabel = pool.removeFirst();
                        String subId = s.id("item");
                        sub.add(new Widget.MenuItem(subId, subLabel, List.of()));
                        paths.add(List.of(
                                new PlanStep.Click(menuId, "I open the " + title + " menu."),
                                new PlanStep.Click(itemId, label + " has a submenu; I open it."),
                                new PlanStep.Click(subId, "I choose " + subLabel + ".")));
                    }
                    items.add(new Widget.MenuItem(itemId, label, sub));
                    // The instruction names the submenu path, e.g. "Format > Text > Bold".
                    for (int k = paths.size() - m; k < paths.size(); k++) {
                        PlanStep leaf = paths.get(k).get(2);
                        String leafLabel = sub.get(k - (paths.size() - m)).label();
                        paths.set(
                                k,
                                List.of(
                                        paths.get(k).get(0),
                                        paths.get(k).get(1),
                                        new PlanStep.Click(
                                                ((PlanStep.Click) leaf).target(),
                                                title + " > " + label + " > " + leafLabel)));
                    }
                } else {
                    items.add(new Widget.MenuItem(itemId, label, List.of()));
                    paths.add(List.of(
                            new PlanStep.Click(menuId, "I open the " + title + " menu."),
                            new PlanStep.Click(itemId, title + " > " + label)));
                }
            }
            menus.add(new Widget.Menu(menuId, new Rect(x, bar.y(), w, barH), title, items));
            int below = bar.y() + barH;
            for (int i = 0; i < items.size(); i++) {
                Widget.MenuItem item = items.get(i);
                boolean fits = item.submenu().isEmpty()
                        ? below + (i + 1) * itemH <= s.window.height()
                        : below + (i + item.submenu().size()) * itemH <= s.window.height()
                                && x + 2 * itemW <= s.window.width();
                if (!fits || x + itemW > s.window.width()) {
                    throw new Misfit("menu " + title + " does not fit the window");
                }
            }
            x += w;
        }
        s.add(new Widget.MenuBar(s.id("menubar"), bar, menus, itemW, itemH));
        // Everything below the bar may be covered by open menus; decoys go there anyway (they sit under the menus).
        int toolbarY = bar.y() + barH + 8;
        int bx = s.content.x();
        int padX = rng.between(8, 16);
        for (String b : rng.sample(Words.BUTTONS, rng.between(2, 5))) {
            Size bs = s.buttonSize(b, padX, rng.between(4, 8));
            Rect r = new Rect(bx, toolbarY, bs.width(), bs.height());
            if (r.x() + r.width() > s.content.x() + s.content.width()) {
                break;
            }
            s.add(new Widget.Button(s.id("tool"), r, b, Widget.Emphasis.SECONDARY, Widget.Effect.COMMIT));
            bx += bs.width() + 6;
        }
        s.distract(rng.between(2, 5), List.of());
        List<PlanStep> path = rng.pick(paths);
        PlanStep.Click leaf = (PlanStep.Click) path.getLast();
        String spoken = leaf.thought();
        String[] parts = spoken.split(" > ");
        String last = parts[parts.length - 1];
        String instruction = rng.pick(
                "Use the menu to choose " + spoken + ".",
                "Click " + spoken + " in the menu bar.",
                "Open the " + parts[0] + " menu and choose " + (parts.length == 3 ? parts[1] + " > " : "") + last + ".",
                "Run the " + Sketch.quote(rng, last) + " command from the " + parts[0] + " menu"
                        + (parts.length == 3 ? " (under " + parts[1] + ")" : "") + ".");
        List<PlanStep> plan = new ArrayList<>(path.subList(0, path.size() - 1));
        plan.add(new PlanStep.Click(leaf.target(), "I choose " + last + "."));
        return new Instance(
                NAME,
                seed,
                s.scene(rng.pick(Words.TITLES)),
                instruction,
                new Goal(Map.of(Scene.COMMITTED, leaf.target())),
                plan,
                12);
    }
}
