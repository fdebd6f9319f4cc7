package dev.deskpilot.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.ScreenText;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.TextTarget;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text checks")
class TextChecksTest {
    static ScreenText screen;
    static final RunningApp NO_STATE = new ChecksTest.FixedState(Map.of());

    /** A 640x360 screen with a status line at the top left and an error at the bottom right. */
    @BeforeAll
    static void readScreen() {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 360);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        g.drawString("Submitted: Ada Lovelace, subscribed", 24, 40);
        g.setColor(new Color(0xb00020));
        g.drawString("Error", 500, 320);
        g.dispose();
        try (TextReader reader = TextReader.open()) {
            screen = ScreenText.read(reader, image);
        }
    }

    @AfterAll
    static void forget() {
        screen = null;
    }

    static CheckResult judge(Check check) {
        return Checks.evaluate(check, NO_STATE, Path.of("."), () -> screen);
    }

    @Test
    @DisplayName("a visible check passes when the text is on screen, also as part of a longer line")
    void visiblePasses() {
        CheckResult r = judge(new Check.TextVisible(TextTarget.of("Submitted: Ada Lovelace"), true));
        assertTrue(r.passed(), r.detail());
        assertTrue(
                r.detail().startsWith("text 'Submitted: Ada Lovelace' is on screen: 'Submitted: Ada Lovelace,' at ("),
                r.detail());
    }

    @Test
    @DisplayName("a visible check fails naming what was expected and the nearest texts seen")
    void visibleFails() {
        CheckResult r = judge(new Check.TextVisible(TextTarget.of("Submitted: Grace Hopper"), true));
        assertFalse(r.passed());
        assertTrue(
                r.detail()
                        .startsWith("expected it visible, but text 'Submitted: Grace Hopper' not found on screen;"
                                + " nearest: 'Submitted: Ada"),
                r.detail());
        assertFalse(r.detail().contains("\n"));
    }

    @Test
    @DisplayName("a not-visible check passes when the text is absent from its region, though elsewhere on screen")
    void notVisiblePasses() {
        CheckResult r = judge(new Check.TextVisible(TextTarget.of("Error").within(new Rect(0, 0, 640, 200)), false));
        assertTrue(r.passed(), r.detail());
        assertEquals("text 'Error' in region [0, 0, 640, 200] is not in the region, as expected", r.detail());
    }

    @Test
    @DisplayName("a not-visible check fails naming where the text is")
    void notVisibleFails() {
        CheckResult r = judge(new Check.TextVisible(TextTarget.of("error"), false));
        assertFalse(r.passed());
        assertTrue(
                r.detail().startsWith("expected text 'error' not visible, but it is on screen: 'Error' at ("),
                r.detail());
    }

    @Test
    @DisplayName("without a screenshot a text check fails and says why")
    void noScreen() {
        CheckResult r = Checks.evaluate(new Check.TextVisible(TextTarget.of("Error"), true), NO_STATE, Path.of("."));
        assertFalse(r.passed());
        assertEquals("the screen could not be read: no screenshot was taken after the run to read text on", r.detail());
    }
}
