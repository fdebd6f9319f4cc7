package dev.deskpilot.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The US keyboard layout")
class UsKeyboardTest {
    @Test
    @DisplayName("types lowercase letters and digits without Shift, capitals with Shift")
    void lettersAndDigits() {
        assertEquals(Optional.of(new Keystroke(KeyEvent.VK_H, false)), UsKeyboard.keystroke('h'));
        assertEquals(Optional.of(new Keystroke(KeyEvent.VK_H, true)), UsKeyboard.keystroke('H'));
        assertEquals(Optional.of(new Keystroke(KeyEvent.VK_7, false)), UsKeyboard.keystroke('7'));
    }

    @Test
    @DisplayName("types shifted punctuation as Shift plus the key it shares")
    void punctuation() {
        assertEquals(Optional.of(new Keystroke(KeyEvent.VK_1, true)), UsKeyboard.keystroke('!'));
        assertEquals(Optional.of(new Keystroke(KeyEvent.VK_QUOTE, true)), UsKeyboard.keystroke('"'));
        assertEquals(Optional.of(new Keystroke(KeyEvent.VK_SLASH, false)), UsKeyboard.keystroke('/'));
        assertEquals(Optional.of(new Keystroke(KeyEvent.VK_BACK_QUOTE, true)), UsKeyboard.keystroke('~'));
    }

    @Test
    @DisplayName("has keys for all of printable ASCII, space, tab and newline")
    void coversAscii() {
        for (char c = 32; c < 127; c++) {
            assertTrue(UsKeyboard.keystroke(c).isPresent(), "no key for '" + c + "'");
        }
        assertTrue(UsKeyboard.canType("Hello World 123!\tok\n"));
    }

    @Test
    @DisplayName("has no key for accented letters, currency signs or CJK")
    void rejectsOthers() {
        assertFalse(UsKeyboard.canType("café"));
        assertFalse(UsKeyboard.canType("5 €"));
        assertFalse(UsKeyboard.canType("中"));
        assertFalse(UsKeyboard.canType("😀"));
    }
}
