package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Size;

/**
 * A kind of task ("click a named button", "log in", …) that makes any number of seeded instances,
 * each with its own layout, labels, sizes, fonts, colours and distractors.
 */
public interface Family {
    /** The family's name in suites and reports, e.g. {@code click-button}. */
    String name();

    /** One sentence saying what the agent has to do. */
    String description();

    /** The instance for {@code seed} on a screen of {@code screen} size; deterministic. */
    Instance generate(long seed, Size screen);
}
