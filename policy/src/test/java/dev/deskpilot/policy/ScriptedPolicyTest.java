package dev.deskpilot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Frame;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scripted policy")
class ScriptedPolicyTest {
    static Observation observe(int width, int height) {
        var frame = new Frame(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), Instant.EPOCH);
        return new Observation("save the file", frame, List.of());
    }

    @Test
    @DisplayName("replays its steps in order, in the pixels of the observed frame")
    void replaysInOrder() throws Exception {
        var policy = ScriptedPolicy.of(
                "click(start_box='(200,110)')",
                "Thought: Type the name and submit.\nAction: type(content='report.txt\\n')",
                "hotkey(key='ctrl s')\n\nfinished(content='saved')");

        Decision first = policy.decide(observe(1280, 800));
        assertEquals(List.of(new Action.Click(new Point(200, 110))), first.actions());
        assertEquals("click(start_box='(200,110)')", first.text());
        assertEquals("", first.thought());
        assertEquals(new Size(1280, 800), first.imageSize());

        Decision second = policy.decide(observe(1280, 800));
        assertEquals(List.of(new Action.TypeText("report.txt\n")), second.actions());
        assertEquals("Type the name and submit.", second.thought());

        Decision third = policy.decide(observe(640, 480));
        assertEquals(List.of(new Action.Hotkey(List.of("ctrl", "s")), new Action.Finished("saved")), third.actions());
        assertEquals(new Size(640, 480), third.imageSize());
    }

    @Test
    @DisplayName("reports exhaustion as 'script has no step N'")
    void exhaustion() throws Exception {
        var policy = ScriptedPolicy.of("wait()");
        policy.decide(observe(100, 100));
        var e = assertThrows(PolicyException.class, () -> policy.decide(observe(100, 100)));
        assertTrue(e.getMessage().contains("script has no step 2"), e::getMessage);
    }

    @Test
    @DisplayName("rejects a bad script when it is made, naming the step and the problem")
    void rejectsBadScript() {
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> ScriptedPolicy.of("wait()", "click(start_box='(1,2)')", "tap()"));
        assertTrue(unknown.getMessage().contains("step 3"), unknown::getMessage);
        assertTrue(unknown.getMessage().contains("tap"), unknown::getMessage);

        var quote = assertThrows(IllegalArgumentException.class, () -> ScriptedPolicy.of("click(start_box='(1,2))"));
        assertTrue(quote.getMessage().contains("step 1"), quote::getMessage);
        assertTrue(quote.getMessage().contains("unbalanced quote"), quote::getMessage);

        var blank = assertThrows(IllegalArgumentException.class, () -> ScriptedPolicy.of("wait()", " "));
        assertTrue(blank.getMessage().contains("step 2 is blank"), blank::getMessage);

        assertThrows(IllegalArgumentException.class, () -> new ScriptedPolicy(List.of()));
    }

    @Test
    @DisplayName("checks at each step that its points lie inside the frame it sees")
    void checksBoundsAgainstTheFrame() throws Exception {
        var policy = ScriptedPolicy.of("wait()", "click(start_box='(1500,100)')");
        policy.decide(observe(1280, 800));
        var e = assertThrows(ActionSyntaxException.class, () -> policy.decide(observe(1280, 800)));
        assertTrue(e.getMessage().contains("step 2"), e::getMessage);
        assertTrue(e.getMessage().contains("outside the 1280x800 image"), e::getMessage);
        // the same step fits a larger screen
        var wide = ScriptedPolicy.of("click(start_box='(1500,100)')");
        assertEquals(
                List.of(new Action.Click(new Point(1500, 100))),
                wide.decide(observe(1920, 1080)).actions());
    }
}
