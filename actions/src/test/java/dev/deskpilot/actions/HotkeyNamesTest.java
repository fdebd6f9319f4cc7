package dev.deskpilot.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hotkey key names")
class HotkeyNamesTest {
    private static int awt(String name) {
        return HotkeyNames.resolve(name).orElseThrow().awtKeyCode().orElseThrow();
    }

    @Test
    @DisplayName("read UI-TARS's modifier and navigation names, with their synonyms")
    void namedKeys() {
        assertEquals(KeyEvent.VK_CONTROL, awt("ctrl"));
        assertEquals(KeyEvent.VK_SHIFT, awt("shift"));
        assertEquals(KeyEvent.VK_ALT, awt("alt"));
        assertEquals(KeyEvent.VK_ENTER, awt("enter"));
        assertEquals(KeyEvent.VK_ENTER, awt("return"));
        assertEquals(KeyEvent.VK_ESCAPE, awt("esc"));
        assertEquals(KeyEvent.VK_ESCAPE, awt("escape"));
        assertEquals(KeyEvent.VK_LEFT, awt("left"));
        assertEquals(KeyEvent.VK_LEFT, awt("arrowleft"));
        assertEquals(KeyEvent.VK_PAGE_DOWN, awt("pagedown"));
        assertEquals(KeyEvent.VK_BACK_SPACE, awt("backspace"));
        assertEquals(KeyEvent.VK_F1, awt("f1"));
        assertEquals(KeyEvent.VK_F12, awt("f12"));
    }

    @Test
    @DisplayName("read single letters, digits and unshifted punctuation, in any case")
    void characters() {
        assertEquals(KeyEvent.VK_C, awt("c"));
        assertEquals(KeyEvent.VK_C, awt("C"));
        assertEquals(KeyEvent.VK_5, awt("5"));
        assertEquals(KeyEvent.VK_MINUS, awt("-"));
        assertEquals("minus", HotkeyNames.resolve("-").orElseThrow().keysym());
    }

    @Test
    @DisplayName("send meta, win and super to X's Super key, which AWT's Robot cannot press")
    void superKey() {
        for (String name : new String[] {"meta", "win", "super", "command"}) {
            var key = HotkeyNames.resolve(name).orElseThrow();
            assertEquals(OptionalInt.empty(), key.awtKeyCode(), name);
            assertEquals("Super_L", key.keysym(), name);
        }
    }

    @Test
    @DisplayName("know nothing of unknown names or shifted characters")
    void unknown() {
        assertTrue(HotkeyNames.resolve("hyper").isEmpty());
        assertTrue(HotkeyNames.resolve("f13").isEmpty());
        assertTrue(HotkeyNames.resolve("+").isEmpty());
        assertTrue(HotkeyNames.resolve("é").isEmpty());
    }
}
