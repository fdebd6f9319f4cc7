package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.actions.ScrollDirection;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RobotExecutor on a private Xvfb, driving a real Swing window")
class RobotExecutorOnXvfbTest {
    static RobotExecutor executor;
    ProbeWindow window;

    @BeforeAll
    static void openExecutor() throws ActionFailedException {
        executor = RobotExecutor.open(
                PrivateDisplay.display(), RobotExecutor.Settings.DEFAULT.withWaitPause(Duration.ZERO));
    }

    @BeforeEach
    void openWindow() throws Exception {
        window = ProbeWindow.open();
    }

    @AfterEach
    void closeWindow() throws Exception {
        window.close();
    }

    /** Clicks into the text field, which gives its window the keyboard focus. */
    private void focusField() throws ActionFailedException {
        executor.execute(new Action.Click(window.fieldCenter()));
        Eventually.await("the text field to take the focus", window::fieldHasFocus);
    }

    private void awaitText(String expected) {
        Eventually.await(
                "the field to read '" + expected + "'",
                () -> window.text().length() >= expected.length(),
                () -> "; it reads '" + window.text() + "'");
        assertEquals(expected, window.text());
    }

    @Test
    @DisplayName("a click presses the button")
    void click() throws Exception {
        executor.execute(new Action.Click(window.buttonCenter()));
        Eventually.await("the button's action", () -> window.buttonPresses.get() == 1);
    }

    @Test
    @DisplayName("a double click arrives as a click with click count 2")
    void doubleClick() throws Exception {
        executor.execute(new Action.DoubleClick(window.padPoint(100, 100)));
        Eventually.await(
                "a click with count 2",
                () -> window.padEvents(MouseEvent.MOUSE_CLICKED).stream()
                        .anyMatch(e -> e.getClickCount() == 2 && e.getButton() == MouseEvent.BUTTON1));
    }

    @Test
    @DisplayName("a right click presses and releases button 3")
    void rightClick() throws Exception {
        executor.execute(new Action.RightClick(window.padPoint(120, 80)));
        Eventually.await(
                "a button 3 click",
                () -> window.padEvents(MouseEvent.MOUSE_CLICKED).stream()
                        .anyMatch(e -> e.getButton() == MouseEvent.BUTTON3));
        assertTrue(
                window.padEvents(MouseEvent.MOUSE_PRESSED).stream().allMatch(e -> e.getButton() == MouseEvent.BUTTON3));
    }

    @Test
    @DisplayName("a drag presses at the start, moves through several points and releases at the end")
    void drag() throws Exception {
        Point from = window.padPoint(50, 50);
        Point to = window.padPoint(400, 200);
        executor.execute(new Action.Drag(from, to));
        Eventually.await(
                "the release",
                () -> !window.padEvents(MouseEvent.MOUSE_RELEASED).isEmpty());

        MouseEvent press = window.padEvents(MouseEvent.MOUSE_PRESSED).getFirst();
        assertEquals(from, screenPoint(press));
        List<MouseEvent> drags = window.padEvents(MouseEvent.MOUSE_DRAGGED);
        assertTrue(drags.size() >= 5, "only " + drags.size() + " mouseDragged events");
        MouseEvent release = window.padEvents(MouseEvent.MOUSE_RELEASED).getFirst();
        Point end = screenPoint(release);
        assertTrue(
                Math.abs(end.x() - to.x()) <= 2 && Math.abs(end.y() - to.y()) <= 2,
                "released at " + end + ", expected " + to);
    }

    @Test
    @DisplayName("scrolling down turns the wheel forward by the amount, scrolling up backward")
    void scrollUpAndDown() throws Exception {
        executor.execute(new Action.Scroll(window.padPoint(200, 100), ScrollDirection.DOWN, 3));
        Eventually.await("3 notches down", () -> wheelSum() == 3);
        assertTrue(window.wheelEvents().stream().allMatch(e -> e.getWheelRotation() > 0));

        window.padEvents.clear();
        executor.execute(new Action.Scroll(window.padPoint(200, 100), ScrollDirection.UP, 2));
        Eventually.await("2 notches up", () -> wheelSum() == -2);
        assertTrue(window.wheelEvents().stream().allMatch(e -> e.getWheelRotation() < 0));
    }

    @Test
    @DisplayName("scrolling sideways presses X buttons 6 (left) and 7 (right), AWT's buttons 4 and 5")
    void scrollSideways() throws Exception {
        executor.execute(new Action.Scroll(window.padPoint(200, 100), ScrollDirection.LEFT, 2));
        executor.execute(new Action.Scroll(window.padPoint(200, 100), ScrollDirection.RIGHT, 1));
        Eventually.await(
                "3 button presses",
                () -> window.padEvents(MouseEvent.MOUSE_PRESSED).size() == 3);
        assertEquals(
                List.of(4, 4, 5),
                window.padEvents(MouseEvent.MOUSE_PRESSED).stream()
                        .map(MouseEvent::getButton)
                        .toList());
    }

    private int wheelSum() {
        return window.wheelEvents().stream()
                .mapToInt(MouseWheelEvent::getWheelRotation)
                .sum();
    }

    private static Point screenPoint(MouseEvent e) {
        return new Point(e.getXOnScreen(), e.getYOnScreen());
    }

    @Test
    @DisplayName("types ASCII text exactly, with Shift for capitals and punctuation")
    void typeAscii() throws Exception {
        focusField();
        executor.execute(new Action.TypeText("Hello World 123!"));
        awaitText("Hello World 123!");
    }

    @Test
    @DisplayName("types every printable ASCII character")
    void typeAllAscii() throws Exception {
        focusField();
        var ascii = new StringBuilder();
        for (char c = 32; c < 127; c++) {
            ascii.append(c);
        }
        executor.execute(new Action.TypeText(ascii.toString()));
        awaitText(ascii.toString());
    }

    @Test
    @DisplayName("enters characters outside the keyboard layout (é, €, 中) through the clipboard")
    void typeUnicodeByPaste() throws Exception {
        focusField();
        executor.execute(new Action.TypeText("Grüße: café €5 中文"));
        awaitText("Grüße: café €5 中文");
    }

    @Test
    @DisplayName("enters characters outside the keyboard layout through xdotool when asked")
    void typeUnicodeWithXdotool() throws Exception {
        var viaXdotool = RobotExecutor.open(
                PrivateDisplay.display(),
                RobotExecutor.Settings.DEFAULT.withTextFallback(RobotExecutor.TextFallback.XDOTOOL));
        focusField();
        viaXdotool.execute(new Action.TypeText("é€中"));
        awaitText("é€中");
    }

    @Test
    @DisplayName("two pastes in a row arrive in order")
    void consecutivePastes() throws Exception {
        focusField();
        executor.execute(new Action.TypeText("é"));
        executor.execute(new Action.TypeText("€"));
        executor.execute(new Action.TypeText("中"));
        awaitText("é€中");
    }

    @Test
    @DisplayName("a trailing newline presses Enter after the text, firing the field's action")
    void typeAndSubmit() throws Exception {
        focusField();
        executor.execute(new Action.TypeText("go\n"));
        Eventually.await("the field's action", () -> window.fieldActions.get() == 1);
        assertEquals("go", window.text());
    }

    @Test
    @DisplayName("a pasted text with a trailing newline is submitted too")
    void pasteAndSubmit() throws Exception {
        focusField();
        executor.execute(new Action.TypeText("café\n"));
        Eventually.await("the field's action", () -> window.fieldActions.get() == 1);
        assertEquals("café", window.text());
    }

    @Test
    @DisplayName("ctrl a selects all, so the next text replaces it")
    void selectAllAndReplace() throws Exception {
        focusField();
        executor.execute(new Action.TypeText("old text"));
        awaitText("old text");
        executor.execute(new Action.Hotkey(List.of("ctrl", "a")));
        executor.execute(new Action.TypeText("new"));
        Eventually.await(
                "the replacement", () -> window.text().equals("new"), () -> "; it reads '" + window.text() + "'");
    }

    @Test
    @DisplayName("a three-key hotkey reaches the window's key binding")
    void keyBinding() throws Exception {
        focusField();
        executor.execute(new Action.Hotkey(List.of("ctrl", "shift", "k")));
        Eventually.await("the ctrl+shift+k binding", () -> window.shortcutHits.get() == 1);
    }

    @Test
    @DisplayName("the super key, which Robot cannot press, arrives through xdotool")
    void superKey() throws Exception {
        focusField();
        window.fieldKeyCodes.clear();
        executor.execute(new Action.Hotkey(List.of("super")));
        Eventually.await("VK_WINDOWS", () -> window.fieldKeyCodes.contains(KeyEvent.VK_WINDOWS));
    }

    @Test
    @DisplayName("backspace and arrow keys edit the text")
    void editingKeys() throws Exception {
        focusField();
        executor.execute(new Action.TypeText("abc"));
        awaitText("abc");
        executor.execute(new Action.Hotkey(List.of("left")));
        executor.execute(new Action.Hotkey(List.of("backspace")));
        executor.execute(new Action.Hotkey(List.of("end")));
        executor.execute(new Action.TypeText("!"));
        Eventually.await("the edit", () -> window.text().equals("ac!"), () -> "; it reads '" + window.text() + "'");
    }

    @Test
    @DisplayName("an unknown key name fails, naming the key, and presses nothing")
    void unknownKey() throws Exception {
        focusField();
        window.fieldKeyCodes.clear();
        var e = assertThrows(
                ActionFailedException.class, () -> executor.execute(new Action.Hotkey(List.of("ctrl", "hyperspace"))));
        assertTrue(e.getMessage().contains("'hyperspace'"), e::getMessage);
        executor.execute(new Action.TypeText("x"));
        awaitText("x");
        assertEquals(List.of(KeyEvent.VK_X), window.fieldKeyCodes);
    }

    @Test
    @DisplayName("a point off the screen fails with the point and the screen size")
    void offScreen() {
        var e = assertThrows(
                ActionFailedException.class, () -> executor.execute(new Action.Click(new Point(5000, 10))));
        assertTrue(e.getMessage().contains("(5000,10)") && e.getMessage().contains("1024x768"), e::getMessage);
    }

    @Test
    @DisplayName("wait, finished and call_user send no input")
    void noInput() throws Exception {
        focusField();
        window.fieldKeyCodes.clear();
        window.padEvents.clear();
        executor.execute(new Action.Wait());
        executor.execute(new Action.Finished("done"));
        executor.execute(new Action.CallUser());
        executor.execute(new Action.TypeText("z"));
        awaitText("z");
        assertEquals(List.of(KeyEvent.VK_Z), window.fieldKeyCodes);
        assertTrue(window.padEvents.isEmpty());
    }
}
