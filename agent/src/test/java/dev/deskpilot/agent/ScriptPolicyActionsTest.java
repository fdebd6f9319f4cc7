package dev.deskpilot.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.policy.ActionSyntaxException;
import dev.deskpilot.policy.Decision;
import dev.deskpilot.policy.Observation;
import dev.deskpilot.policy.PolicyException;
import dev.deskpilot.tasks.Step;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Scripts of action steps only: no screen is read, so these need no text on any frame. */
@DisplayName("Scripts of action steps")
class ScriptPolicyActionsTest {
    static Observation observe(int width, int height) {
        var frame = new Frame(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), Instant.EPOCH);
        return new Observation("save the file", frame, List.of());
    }

    @Test
    @DisplayName("replays its steps in order, as written, in the pixels of the observed frame")
    void replaysInOrder() throws Exception {
        try (var policy = ScriptPolicy.of(
                Step.action("click(start_box='(200,110)')"),
                Step.action("Thought: Type the name and submit.\nAction: type(content='report.txt\\n')"),
                Step.action("hotkey(key='ctrl s')\n\nfinished(content='saved')"))) {
            Decision first = policy.decide(observe(1280, 800));
            assertEquals(List.of(new Action.Click(new Point(200, 110))), first.actions());
            assertEquals("click(start_box='(200,110)')", first.text());
            assertEquals("", first.thought());
            assertEquals(new Size(1280, 800), first.imageSize());

            Decision second = policy.decide(observe(1280, 800));
            assertEquals(List.of(new Action.TypeText("report.txt\n")), second.actions());
            assertEquals("Type the name and submit.", second.thought());

            Decision third = policy.decide(observe(640, 480));
            assertEquals(
                    List.of(new Action.Hotkey(List.of("ctrl", "s")), new Action.Finished("saved")), third.actions());
            assertEquals(new Size(640, 480), third.imageSize());

            var used = assertThrows(PolicyException.class, () -> policy.decide(observe(640, 480)));
            assertTrue(used.getMessage().contains("script has no step 4 (it has 3 steps)"), used::getMessage);
        }
    }

    @Test
    @DisplayName("rejects a bad script when it is made, naming the step and the problem")
    void rejectsBadScript() {
        var unknown = assertThrows(
                IllegalArgumentException.class,
                () -> ScriptPolicy.of(
                        Step.action("wait()"), Step.action("click(start_box='(1,2)')"), Step.action("tap()")));
        assertTrue(unknown.getMessage().startsWith("script step 3: "), unknown::getMessage);
        assertTrue(unknown.getMessage().contains("tap"), unknown::getMessage);
        assertThrows(IllegalArgumentException.class, () -> new ScriptPolicy(List.of()));
    }

    @Test
    @DisplayName("checks at each step that its points lie inside the frame it sees")
    void checksBoundsAgainstTheFrame() throws Exception {
        try (var policy = ScriptPolicy.of(Step.action("wait()"), Step.action("click(start_box='(1500,100)')"))) {
            policy.decide(observe(1280, 800));
            var e = assertThrows(ActionSyntaxException.class, () -> policy.decide(observe(1280, 800)));
            assertTrue(e.getMessage().startsWith("script step 2: "), e::getMessage);
            assertTrue(e.getMessage().contains("outside the 1280x800 image"), e::getMessage);
        }
    }
}
