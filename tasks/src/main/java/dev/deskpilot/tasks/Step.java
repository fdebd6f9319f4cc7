package dev.deskpilot.tasks;

import dev.deskpilot.perception.TextTarget;
import java.time.Duration;
import java.util.Objects;

/**
 * One scripted step of a task: either an action in UI-TARS action text, with screen coordinates,
 * or a step that names text on the screen instead of coordinates ("click Submit", "wait until
 * Saved appears"). A scripted policy resolves a text step against the screenshot of its step (see
 * docs/task-format.md, "Steps").
 *
 * <pre>{@code
 * List<Step> steps = List.of(
 *         Step.click("Name"),
 *         Step.action("type(content='Ada Lovelace')"),
 *         Step.click("Submit"),
 *         Step.waitFor("Submitted: Ada Lovelace"),
 *         Step.action("finished(content='Submitted')"));
 * }</pre>
 */
public sealed interface Step {
    /** How long a wait step waits when it does not say. */
    Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    /** An action in UI-TARS action text, e.g. {@code click(start_box='(292,92)')}, points in screen pixels. */
    record Act(String action) implements Step {
        public Act {
            Require.nonBlank("action", action);
        }
    }

    /** A click, double click or right click at the centre of the text {@code target} names. */
    record ClickText(ClickKind kind, TextTarget target) implements Step {
        public ClickText {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(target, "target");
        }
    }

    /** Waits until {@code target} is on screen (as often as its occurrence asks), at most {@code timeout}. */
    record WaitForText(TextTarget target, Duration timeout) implements Step {
        public WaitForText {
            Objects.requireNonNull(target, "target");
            Require.positive("timeout", timeout);
        }
    }

    /** Waits until {@code target}'s text is nowhere in its region, at most {@code timeout}. */
    record WaitUntilGone(TextTarget target, Duration timeout) implements Step {
        public WaitUntilGone {
            Objects.requireNonNull(target, "target");
            Require.positive("timeout", timeout);
            if (target.occurrence() != 1) {
                throw new InvalidFieldException(
                        "occurrence", "does not apply: the text must be gone everywhere in the region");
            }
        }
    }

    /** The three ways to click on a text, with their names in task files and in words. */
    enum ClickKind {
        CLICK("click", "click"),
        DOUBLE_CLICK("doubleClick", "double click"),
        RIGHT_CLICK("rightClick", "right click");

        private final String field;
        private final String words;

        ClickKind(String field, String words) {
            this.field = field;
            this.words = words;
        }

        /** The step's field in a task file: {@code click}, {@code doubleClick}, {@code rightClick}. */
        public String field() {
            return field;
        }

        /** In words, for thoughts and messages: {@code double click}. */
        public String words() {
            return words;
        }
    }

    /**
     * The step in words, for recorded thoughts and error messages: the action text itself, or e.g.
     * {@code click on text 'Submit'}, {@code wait for text 'Saved' (up to 5s)}.
     */
    default String describe() {
        return switch (this) {
            case Act a -> a.action();
            case ClickText c -> c.kind().words() + " on " + c.target().describe();
            case WaitForText w ->
                "wait for " + w.target().describe() + " (up to " + Durations.format(w.timeout()) + ")";
            case WaitUntilGone w ->
                "wait until " + w.target().describe() + " is gone (up to " + Durations.format(w.timeout()) + ")";
        };
    }

    /** An action in UI-TARS action text, e.g. {@code type(content='Ada Lovelace')}. */
    static Step action(String action) {
        return new Act(action);
    }

    /** A left click on the first occurrence of {@code text} anywhere on the screen. */
    static Step click(String text) {
        return click(TextTarget.of(text));
    }

    /** A left click on the text {@code target} names. */
    static Step click(TextTarget target) {
        return new ClickText(ClickKind.CLICK, target);
    }

    /** A double click on the first occurrence of {@code text} anywhere on the screen. */
    static Step doubleClick(String text) {
        return doubleClick(TextTarget.of(text));
    }

    /** A double click on the text {@code target} names. */
    static Step doubleClick(TextTarget target) {
        return new ClickText(ClickKind.DOUBLE_CLICK, target);
    }

    /** A right click on the first occurrence of {@code text} anywhere on the screen. */
    static Step rightClick(String text) {
        return rightClick(TextTarget.of(text));
    }

    /** A right click on the text {@code target} names. */
    static Step rightClick(TextTarget target) {
        return new ClickText(ClickKind.RIGHT_CLICK, target);
    }

    /** Waits up to {@link #DEFAULT_WAIT} until {@code text} is on screen. */
    static Step waitFor(String text) {
        return new WaitForText(TextTarget.of(text), DEFAULT_WAIT);
    }

    /** Waits up to {@code timeout} until {@code target} is on screen. */
    static Step waitFor(TextTarget target, Duration timeout) {
        return new WaitForText(target, timeout);
    }

    /** Waits up to {@link #DEFAULT_WAIT} until {@code text} is no longer on screen. */
    static Step waitUntilGone(String text) {
        return new WaitUntilGone(TextTarget.of(text), DEFAULT_WAIT);
    }

    /** Waits up to {@code timeout} until {@code target}'s text is no longer in its region. */
    static Step waitUntilGone(TextTarget target, Duration timeout) {
        return new WaitUntilGone(target, timeout);
    }
}
