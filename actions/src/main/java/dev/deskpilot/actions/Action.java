package dev.deskpilot.actions;

import java.util.List;
import java.util.Objects;

/**
 * One step the agent takes on the desktop: UI-TARS's desktop action space.
 *
 * <p>Points are pixels in whatever space the producer works in (the model's smart-resized image, or
 * the screen); {@link CoordinateMapper} moves an action from one space to another. Switches over
 * this type are exhaustive, so a new action breaks the build everywhere it must be handled.
 */
public sealed interface Action {

    /** {@code click(start_box=…)}: a left click. */
    record Click(Point at) implements Action {
        public Click {
            Objects.requireNonNull(at, "at");
        }
    }

    /** {@code left_double(start_box=…)}: a left double click. */
    record DoubleClick(Point at) implements Action {
        public DoubleClick {
            Objects.requireNonNull(at, "at");
        }
    }

    /** {@code right_single(start_box=…)}: a right click. */
    record RightClick(Point at) implements Action {
        public RightClick {
            Objects.requireNonNull(at, "at");
        }
    }

    /** {@code drag(start_box=…, end_box=…)}: press at {@code from}, move in small steps, release at {@code to}. */
    record Drag(Point from, Point to) implements Action {
        public Drag {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * {@code scroll(start_box=…, direction=…)}: turn the wheel {@code amount} notches over {@code at}.
     * UI-TARS's executors scroll 5 notches; recorded demonstrations keep the notches they saw.
     */
    record Scroll(Point at, ScrollDirection direction, int amount) implements Action {
        public static final int DEFAULT_AMOUNT = 5;

        public Scroll {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(direction, "direction");
            if (amount < 1) {
                throw new IllegalArgumentException("scroll amount must be at least 1, was " + amount);
            }
        }

        public Scroll(Point at, ScrollDirection direction) {
            this(at, direction, DEFAULT_AMOUNT);
        }
    }

    /** {@code type(content=…)}: types the text; a trailing newline means "then press Enter". */
    record TypeText(String text) implements Action {
        public TypeText {
            Objects.requireNonNull(text, "text");
        }

        /** Whether the grammar's trailing {@code \n} asks to submit with Enter. */
        public boolean submits() {
            return text.endsWith("\n");
        }
    }

    /** {@code hotkey(key='ctrl c')}: one to three keys pressed together, lowercase names. */
    record Hotkey(List<String> keys) implements Action {
        public Hotkey {
            keys = List.copyOf(keys);
            if (keys.isEmpty() || keys.size() > 3) {
                throw new IllegalArgumentException("hotkey takes 1 to 3 keys, was " + keys.size() + ": " + keys);
            }
            for (String k : keys) {
                if (k.isBlank() || !k.equals(k.strip())) {
                    throw new IllegalArgumentException("hotkey key names must be non-blank words, was '" + k + "'");
                }
            }
        }
    }

    /** {@code wait()}: pause so the screen can change, then look again. */
    record Wait() implements Action {}

    /** {@code finished(content=…)}: the task is done; {@code content} is the agent's answer or summary. */
    record Finished(String content) implements Action {
        public Finished {
            Objects.requireNonNull(content, "content");
        }
    }

    /** {@code call_user()}: the agent cannot go on without a person. */
    record CallUser() implements Action {}

    /** The grammar's verb for this action, e.g. {@code left_double}. */
    default String verb() {
        return switch (this) {
            case Click c -> "click";
            case DoubleClick d -> "left_double";
            case RightClick r -> "right_single";
            case Drag d -> "drag";
            case Scroll s -> "scroll";
            case TypeText t -> "type";
            case Hotkey h -> "hotkey";
            case Wait w -> "wait";
            case Finished f -> "finished";
            case CallUser c -> "call_user";
        };
    }
}
