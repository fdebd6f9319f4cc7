package dev.deskpilot.tasks.env;

import java.util.ArrayList;
import java.util.List;

/** Lookups in a scene's widget tree (tab contents, wizard pages and dialogs included). */
public final class Scenes {
    private Scenes() {}

    /** Every widget of the scene, depth first, containers before their contents. */
    public static List<Widget> all(Scene scene) {
        List<Widget> out = new ArrayList<>();
        for (Widget w : scene.widgets()) {
            collect(w, out);
        }
        return out;
    }

    private static void collect(Widget w, List<Widget> out) {
        out.add(w);
        switch (w) {
            case Widget.Tabs t -> t.tabs().forEach(tab -> tab.content().forEach(c -> collect(c, out)));
            case Widget.Wizard z -> z.pages().forEach(page -> page.forEach(c -> collect(c, out)));
            case Widget.Dialog d -> d.buttons().forEach(b -> collect(b, out));
            default -> {}
        }
    }

    /** The widget with this id and type. */
    public static <T extends Widget> T find(Scene scene, String id, Class<T> type) {
        for (Widget w : all(scene)) {
            if (w.id().equals(id) && type.isInstance(w)) {
                return type.cast(w);
            }
        }
        throw new IllegalArgumentException("the scene has no " + type.getSimpleName() + " '" + id + "'");
    }
}
