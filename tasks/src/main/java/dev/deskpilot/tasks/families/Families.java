package dev.deskpilot.tasks.families;

import dev.deskpilot.tasks.env.Family;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every task family, by name. */
public final class Families {
    private static final Map<String, Family> BY_NAME = new LinkedHashMap<>();

    static {
        for (Family f : List.<Family>of(
                new ClickButton(),
                new ClickLink(),
                new SwitchTab(),
                new AnswerDialog(),
                new FillField(),
                new Login(),
                new TickBoxes(),
                new PickRadio(),
                new SelectOption(),
                new UseMenu(),
                new ScrollFind(),
                new DragDrop(),
                new SetValue(),
                new MultiStepForm())) {
            BY_NAME.put(f.name(), f);
        }
    }

    private Families() {}

    public static List<Family> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<Family> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The family called {@code name}; the error lists the known names. */
    public static Family get(String name) {
        return byName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown task family '" + name + "'; known: " + String.join(", ", BY_NAME.keySet())));
    }
}
