package dev.deskpilot.tasks.env;

import java.util.List;
import java.util.Objects;

/**
 * One step of an instance's correct solution, in terms of widget ids; the {@link Oracle} turns it
 * into actions with coordinates by asking the backend where the widgets are now. Each step has a
 * {@code thought}: one sentence saying what it does and why, for training data.
 */
public sealed interface PlanStep {
    String thought();

    /** Click the middle of the element {@code target}. */
    record Click(String target, String thought) implements PlanStep {
        public Click {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(thought, "thought");
        }
    }

    /** Type {@code text} into the focused field. */
    record Type(String text, String thought) implements PlanStep {
        public Type {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(thought, "thought");
        }
    }

    /** Press keys together, e.g. {@code ctrl a}. */
    record Hotkey(List<String> keys, String thought) implements PlanStep {
        public Hotkey {
            keys = List.copyOf(keys);
            Objects.requireNonNull(thought, "thought");
        }
    }

    /** Drag the middle of {@code item} onto the middle of {@code target}. */
    record Drag(String item, String target, String thought) implements PlanStep {
        public Drag {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(thought, "thought");
        }
    }

    /**
     * Scroll {@code container} with the wheel, over its middle, until {@code target} is wholly
     * inside it; takes as many actions as needed, none if it is visible already.
     */
    record ScrollTo(String container, String target, String thought) implements PlanStep {
        public ScrollTo {
            Objects.requireNonNull(container, "container");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(thought, "thought");
        }
    }

    /** Drag {@code slider}'s thumb to {@code value}. */
    record Slide(String slider, int value, String thought) implements PlanStep {
        public Slide {
            Objects.requireNonNull(slider, "slider");
            Objects.requireNonNull(thought, "thought");
        }
    }

    /** Say the task is done, with a summary. */
    record Finish(String summary, String thought) implements PlanStep {
        public Finish {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(thought, "thought");
        }
    }
}
