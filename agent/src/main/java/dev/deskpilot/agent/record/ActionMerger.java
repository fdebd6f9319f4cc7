package dev.deskpilot.agent.record;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges raw input events into UI-TARS actions, in the order they began.
 *
 * <ul>
 *   <li>Left press and release within {@link MergeRules#dragThreshold()} pixels: a click; two of
 *       them close in time and place: {@code left_double}; further apart: {@code drag} from press to
 *       release. Right press and release: {@code right_single}. The middle button is not recorded.
 *   <li>Wheel notches in one direction over one place, without a long rest: one {@code scroll}
 *       with their count as {@code amount}.
 *   <li>Keys that type text (with or without Shift): one {@code type}, until something else
 *       happens or typing pauses for {@link MergeRules#typingPause()}. Enter ends the text with
 *       {@code \n} (type, then press Enter); Backspace takes back the last character typed.
 *   <li>A key pressed while Ctrl, Alt or Meta is held, and any key that types nothing: {@code
 *       hotkey} with the held modifiers in the order they went down (at most three keys). A
 *       modifier pressed and released alone is nothing.
 *   <li>The stop keys: no action; {@link Sink#stop} instead.
 * </ul>
 *
 * <p>Each action carries the tag of its first event (the recorder's frame from before the input).
 * Not thread-safe: one thread feeds events and ticks.
 *
 * @param <T> what the caller attaches to each event
 */
final class ActionMerger<T> {

    /** Where merged actions go. */
    interface Sink<T> {
        /** An action is complete. */
        void action(Merged<T> merged);

        /** The stop keys were pressed; {@code tag} and {@code timeMs} are those of the chord's first key. */
        void stop(T tag, long timeMs);

        /** Input was seen that no action expresses; {@code what} says what, for a log line. */
        void skipped(String what);
    }

    /**
     * A merged action.
     *
     * @param tag the tag of its first event
     * @param startMs the time of its first event
     * @param endMs the time of its last event
     * @param note why the action is not a faithful record, empty if it is (a typed character the hook
     *     could not identify)
     */
    record Merged<T>(Action action, T tag, long startMs, long endMs, String note) {}

    private record Down<T>(T tag, long timeMs) {}

    private record PendingPress<T>(RawInput.Press press, T tag, boolean secondClick) {}

    private record PendingClick<T>(Point at, T tag, long pressMs, long releaseMs) {}

    private static final class PendingScroll<T> {
        final Point at;
        final ScrollDirection direction;
        final T tag;
        final long startMs;
        int notches;
        long lastMs;

        PendingScroll(RawInput.Wheel w, T tag) {
            this.at = w.at();
            this.direction = w.direction();
            this.tag = tag;
            this.startMs = w.timeMs();
            this.notches = w.notches();
            this.lastMs = w.timeMs();
        }
    }

    private static final class Typing<T> {
        final StringBuilder text = new StringBuilder();
        final T tag;
        final long startMs;
        long lastMs;

        Typing(T tag, long startMs) {
            this.tag = tag;
            this.startMs = startMs;
            this.lastMs = startMs;
        }
    }

    private final MergeRules rules;
    private final Set<String> stopKeys;
    private final Sink<T> sink;

    private final Map<String, Down<T>> heldModifiers = new LinkedHashMap<>();
    private PendingPress<T> press;
    private PendingClick<T> click;
    private PendingScroll<T> scroll;
    private Typing<T> typing;

    /** @param stopKeys the key names that together stop the recording, e.g. {@code ctrl shift f12} */
    ActionMerger(MergeRules rules, List<String> stopKeys, Sink<T> sink) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.stopKeys = Set.copyOf(stopKeys);
        this.sink = Objects.requireNonNull(sink, "sink");
        if (this.stopKeys.isEmpty()) {
            throw new IllegalArgumentException("stop keys must name at least one key");
        }
    }

    void accept(RawInput input, T tag) {
        switch (input) {
            case RawInput.Press p -> press(p, tag);
            case RawInput.Release r -> release(r);
            case RawInput.Wheel w -> wheel(w, tag);
            case RawInput.KeyDown k -> keyDown(k, tag);
            case RawInput.KeyUp k -> {
                if (k.key().modifier()) {
                    heldModifiers.remove(k.key().name());
                }
            }
        }
    }

    /** Completes whatever has waited long enough for the next event not to change it. */
    void tick(long nowMs) {
        if (click != null
                && press == null
                && nowMs - click.releaseMs() > rules.doubleClick().toMillis()) {
            flushClick();
        }
        if (scroll != null && nowMs - scroll.lastMs > rules.scrollPause().toMillis()) {
            flushScroll();
        }
        if (typing != null && nowMs - typing.lastMs > rules.typingPause().toMillis()) {
            flushTyping();
        }
    }

    /** Completes everything pending, as at the end of a recording. A button still down is dropped. */
    void finish() {
        flushTyping();
        flushClick();
        flushScroll();
        press = null;
    }

    private void press(RawInput.Press p, T tag) {
        flushTyping();
        flushScroll();
        if (press != null) {
            sink.skipped(p.button() + " button pressed while " + press.press().button() + " was held");
            return;
        }
        boolean second = p.button() == MouseButton.LEFT
                && click != null
                && near(click.at(), p.at(), rules.clickSlop())
                && p.timeMs() - click.releaseMs() <= rules.doubleClick().toMillis();
        if (!second) {
            flushClick();
        }
        press = new PendingPress<>(p, tag, second);
    }

    private void release(RawInput.Release r) {
        if (press == null || press.press().button() != r.button()) {
            return; // pressed before the recording began, or a second button we skipped
        }
        RawInput.Press p = press.press();
        T tag = press.tag();
        boolean second = press.secondClick();
        press = null;
        switch (r.button()) {
            case LEFT -> {
                if (!near(p.at(), r.at(), rules.dragThreshold() - 1)) {
                    flushClick();
                    emit(new Action.Drag(p.at(), r.at()), tag, p.timeMs(), r.timeMs());
                } else if (second) {
                    PendingClick<T> first = click;
                    click = null;
                    emit(new Action.DoubleClick(first.at()), first.tag(), first.pressMs(), r.timeMs());
                } else {
                    click = new PendingClick<>(p.at(), tag, p.timeMs(), r.timeMs());
                }
            }
            case RIGHT -> emit(new Action.RightClick(p.at()), tag, p.timeMs(), r.timeMs());
            case MIDDLE -> sink.skipped("middle click at " + p.at() + " (no such action in UI-TARS's action space)");
        }
    }

    private void wheel(RawInput.Wheel w, T tag) {
        flushTyping();
        flushClick();
        if (scroll != null
                && scroll.direction == w.direction()
                && near(scroll.at, w.at(), rules.clickSlop())
                && w.timeMs() - scroll.lastMs <= rules.scrollPause().toMillis()) {
            scroll.notches += w.notches();
            scroll.lastMs = w.timeMs();
            return;
        }
        flushScroll();
        scroll = new PendingScroll<>(w, tag);
    }

    private void keyDown(RawInput.KeyDown down, T tag) {
        Key key = down.key();
        flushClick();
        flushScroll();
        if (key.modifier()) {
            heldModifiers.putIfAbsent(key.name(), new Down<>(tag, down.timeMs()));
            return;
        }
        List<String> chord = new ArrayList<>(heldModifiers.keySet());
        chord.add(key.name());
        T firstTag = heldModifiers.isEmpty()
                ? tag
                : heldModifiers.values().iterator().next().tag();
        long firstMs = heldModifiers.isEmpty()
                ? down.timeMs()
                : heldModifiers.values().iterator().next().timeMs();
        if (Set.copyOf(chord).equals(stopKeys) && chord.size() == stopKeys.size()) {
            flushTyping();
            sink.stop(firstTag, firstMs);
            return;
        }
        boolean commandChord = heldModifiers.keySet().stream().anyMatch(m -> !m.equals("shift"));
        boolean shift = heldModifiers.containsKey("shift");
        if (!commandChord && key.is("enter") && typing != null && !shift) {
            typing.text.append('\n');
            typing.lastMs = down.timeMs();
            flushTyping();
        } else if (!commandChord && key.is("backspace") && typing != null && !shift) {
            if (!typing.text.isEmpty()) {
                typing.text.setLength(
                        typing.text.length() - Character.charCount(typing.text.codePointBefore(typing.text.length())));
            }
            typing.lastMs = down.timeMs();
        } else if (!commandChord && key.types()) {
            if (typing == null) {
                typing = new Typing<>(firstTag, firstMs);
            }
            typing.text.append(key.text());
            typing.lastMs = down.timeMs();
        } else {
            flushTyping();
            if (key.name().isEmpty()) {
                sink.skipped("a key with no name pressed with " + heldModifiers.keySet());
            } else if (chord.size() > 3) {
                sink.skipped("hotkey " + chord + " has more than three keys");
            } else {
                emit(new Action.Hotkey(chord), firstTag, firstMs, down.timeMs());
            }
        }
    }

    private void flushClick() {
        if (click != null) {
            PendingClick<T> c = click;
            click = null;
            emit(new Action.Click(c.at()), c.tag(), c.pressMs(), c.releaseMs());
        }
    }

    private void flushScroll() {
        if (scroll != null) {
            PendingScroll<T> s = scroll;
            scroll = null;
            emit(new Action.Scroll(s.at, s.direction, s.notches), s.tag, s.startMs, s.lastMs);
        }
    }

    private void flushTyping() {
        if (typing == null) {
            return;
        }
        Typing<T> t = typing;
        typing = null;
        if (t.text.isEmpty()) {
            return; // everything typed was taken back
        }
        String text = t.text.toString();
        long unknown = text.chars().filter(c -> c == Keys.UNKNOWN_CHARACTER).count();
        String note = unknown == 0
                ? ""
                : unknown + " typed character" + (unknown == 1 ? "" : "s")
                        + " could not be identified (not on the keyboard map, so the input hook saw no"
                        + " character) and " + (unknown == 1 ? "is" : "are") + " written as U+FFFD";
        sink.action(new Merged<>(new Action.TypeText(text), t.tag, t.startMs, t.lastMs, note));
    }

    private void emit(Action action, T tag, long startMs, long endMs) {
        sink.action(new Merged<>(action, tag, startMs, endMs, ""));
    }

    private static boolean near(Point a, Point b, int slop) {
        return Math.abs(a.x() - b.x()) <= slop && Math.abs(a.y() - b.y()) <= slop;
    }
}
