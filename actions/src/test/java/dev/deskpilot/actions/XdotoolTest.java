package dev.deskpilot.actions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The xdotool helper")
class XdotoolTest {
    @Test
    @DisplayName("names the Debian package to install when xdotool is missing")
    void missingBinary() {
        var xdotool = new Xdotool(":1", "/nonexistent/bin/xdotool");
        var e = assertThrows(ActionFailedException.class, () -> xdotool.key(List.of("Super_L")));
        assertTrue(e.getMessage().contains("Debian package xdotool"), e::getMessage);
    }
}
