package dev.deskpilot.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Merging raw input into actions")
class ActionMergerTest {
    final List<ActionMerger.Merged<String>> out = new ArrayList<>();
    final List<String> stops = new ArrayList<>();
    final ActionMerger<String> merger =
            new ActionMerger<>(MergeRules.DEFAULT, List.of("ctrl", "shift", "f12"), new ActionMerger.Sink<>() {
                @Override
                public void action(ActionMerger.Merged<String> merged) {
                    out.add(merged);
                }

                @Override
                public void stop(String tag, long timeMs) {
                    stops.add(tag);
                }

                @Override
                public void skipped(String what) {}
            });
    long now = 1_000;

    void feed(RawInput input, String tag) {
        merger.accept(input, tag);
    }

    void press(MouseButton b, int x, int y, String tag) {
        feed(new RawInput.Press(b, new Point(x, y), now), tag);
    }

    void release(MouseButton b, int x, int y) {
        feed(new RawInput.Release(b, new Point(x, y), now), "-");
    }

    void click(int x, int y, String tag) {
        press(MouseButton.LEFT, x, y, tag);
        now += 30;
        release(MouseButton.LEFT, x, y);
    }

    void down(Key key, String tag) {
        feed(new RawInput.KeyDown(key, now), tag);
        now += 20;
    }

    void up(Key key) {
        feed(new RawInput.KeyUp(key, now), "-");
        now += 20;
    }

    void tap(Key key, String tag) {
        down(key, tag);
        up(key);
    }

    void typeText(String text) {
        for (char c : text.toCharArray()) {
            String name = Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : "";
            tap(new Key(name, String.valueOf(c), false), "t" + c);
        }
    }

    static final Key CTRL = new Key("ctrl", "", true);
    static final Key SHIFT = new Key("shift", "", true);
    static final Key ENTER = new Key("enter", "", false);
    static final Key BACKSPACE = new Key("backspace", "", false);
    static final Key TAB = new Key("tab", "", false);
    static final Key F12 = new Key("f12", "", false);

    List<Action> actions() {
        return out.stream().map(ActionMerger.Merged::action).toList();
    }

    void later(long ms) {
        now += ms;
        merger.tick(now);
    }

    @Test
    @DisplayName("a press and release in place is a click, written once the double-click time has passed")
    void click() {
        click(10, 20, "f1");
        assertEquals(List.of(), actions(), "could still become a double click");
        later(600);
        assertEquals(List.of(new Action.Click(new Point(10, 20))), actions());
        assertEquals("f1", out.getFirst().tag());
    }

    @Test
    @DisplayName("two quick clicks in one place are a double click tagged with the first press")
    void doubleClick() {
        click(10, 20, "f1");
        now += 100;
        click(11, 21, "f2");
        assertEquals(List.of(new Action.DoubleClick(new Point(10, 20))), actions());
        assertEquals("f1", out.getFirst().tag());
    }

    @Test
    @DisplayName("two clicks far apart or slow are two clicks")
    void twoClicks() {
        click(10, 20, "f1");
        now += 100;
        click(200, 20, "f2");
        later(700);
        click(200, 20, "f3");
        later(700);
        assertEquals(
                List.of(
                        new Action.Click(new Point(10, 20)),
                        new Action.Click(new Point(200, 20)),
                        new Action.Click(new Point(200, 20))),
                actions());
    }

    @Test
    @DisplayName("a press, a move and a release elsewhere is a drag")
    void drag() {
        press(MouseButton.LEFT, 10, 20, "f1");
        now += 300;
        release(MouseButton.LEFT, 300, 220);
        assertEquals(List.of(new Action.Drag(new Point(10, 20), new Point(300, 220))), actions());
    }

    @Test
    @DisplayName("a right press and release is right_single at the press")
    void rightClick() {
        press(MouseButton.RIGHT, 40, 50, "f1");
        release(MouseButton.RIGHT, 41, 50);
        assertEquals(List.of(new Action.RightClick(new Point(40, 50))), actions());
    }

    @Test
    @DisplayName("wheel notches in one direction merge into one scroll with their count")
    void scroll() {
        for (int i = 0; i < 3; i++) {
            feed(new RawInput.Wheel(new Point(5, 5), ScrollDirection.DOWN, 1, now), "w" + i);
            now += 50;
        }
        feed(new RawInput.Wheel(new Point(5, 5), ScrollDirection.UP, 1, now), "u");
        later(700);
        assertEquals(
                List.of(
                        new Action.Scroll(new Point(5, 5), ScrollDirection.DOWN, 3),
                        new Action.Scroll(new Point(5, 5), ScrollDirection.UP, 1)),
                actions());
        assertEquals("w0", out.getFirst().tag());
    }

    @Test
    @DisplayName("printable keys, with Shift for capitals, are one type action; Enter ends it with \\n")
    void typing() {
        down(SHIFT, "s");
        tap(new Key("h", "H", false), "h");
        up(SHIFT);
        typeText("i: 5!");
        tap(ENTER, "e");
        assertEquals(List.of(new Action.TypeText("Hi: 5!\n")), actions());
        assertEquals("s", out.getFirst().tag(), "the frame from before the first key, Shift");
    }

    @Test
    @DisplayName("Backspace takes back the last character typed")
    void backspace() {
        typeText("helo");
        tap(BACKSPACE, "b");
        typeText("lo");
        later(2500);
        assertEquals(List.of(new Action.TypeText("hello")), actions());
    }

    @Test
    @DisplayName("typing ends at a click, at a hotkey and after a pause")
    void typingEnds() {
        typeText("ab");
        click(1, 1, "c");
        later(700);
        typeText("cd");
        down(CTRL, "k");
        tap(new Key("a", "a", false), "a");
        up(CTRL);
        typeText("ef");
        later(2500);
        typeText("gh");
        tap(TAB, "tab");
        assertEquals(
                List.of(
                        new Action.TypeText("ab"),
                        new Action.Click(new Point(1, 1)),
                        new Action.TypeText("cd"),
                        new Action.Hotkey(List.of("ctrl", "a")),
                        new Action.TypeText("ef"),
                        new Action.TypeText("gh"),
                        new Action.Hotkey(List.of("tab"))),
                actions());
        assertEquals("k", out.get(3).tag(), "a hotkey is tagged with its first key");
    }

    @Test
    @DisplayName("chords keep the order the modifiers went down; Shift with a letter in a chord is a name, not text")
    void chords() {
        down(CTRL, "c");
        down(SHIFT, "s");
        tap(new Key("a", "A", false), "a");
        up(SHIFT);
        up(CTRL);
        tap(CTRL, "alone");
        down(SHIFT, "s2");
        tap(TAB, "t");
        up(SHIFT);
        assertEquals(
                List.of(new Action.Hotkey(List.of("ctrl", "shift", "a")), new Action.Hotkey(List.of("shift", "tab"))),
                actions());
    }

    @Test
    @DisplayName("the stop keys end the recording, are not recorded, and complete typing first")
    void stopKeys() {
        typeText("x");
        down(CTRL, "c");
        down(SHIFT, "s");
        tap(F12, "f");
        assertEquals(List.of(new Action.TypeText("x")), actions());
        assertEquals(List.of("c"), stops);
    }

    @Test
    @DisplayName("an unidentified character is kept as U+FFFD and the action says so")
    void unidentified() {
        typeText("caf");
        tap(Key.UNIDENTIFIED, "u");
        merger.finish();
        assertEquals(List.of(new Action.TypeText("caf\uFFFD")), actions());
        assertTrue(
                out.getFirst().note().contains("could not be identified"),
                out.getFirst().note());
    }

    @Test
    @DisplayName("finish completes a pending click")
    void finish() {
        click(3, 4, "f");
        merger.finish();
        assertEquals(List.of(new Action.Click(new Point(3, 4))), actions());
    }
}
