package dev.deskpilot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Script action steps")
class ScriptStepTest {
    @Test
    @DisplayName("reads bare actions and full replies, points in the pixels of the frame")
    void readsActionsAndReplies() throws Exception {
        Reply click = ScriptStep.read("click(start_box='(200,110)')", new Size(1280, 800));
        assertEquals(List.of(new Action.Click(new Point(200, 110))), click.actions());
        assertEquals("", click.thought());

        Reply typed = ScriptStep.read(
                "Thought: Type the name and submit.\nAction: type(content='report.txt\\n')", new Size(1280, 800));
        assertEquals(List.of(new Action.TypeText("report.txt\n")), typed.actions());
        assertEquals("Type the name and submit.", typed.thought());

        Reply two = ScriptStep.read("hotkey(key='ctrl s')\n\nfinished(content='saved')", new Size(640, 480));
        assertEquals(List.of(new Action.Hotkey(List.of("ctrl", "s")), new Action.Finished("saved")), two.actions());
    }

    @Test
    @DisplayName("checks syntax before any frame is seen, and bounds against the frame it is read for")
    void checksSyntaxThenBounds() throws Exception {
        var unknown = assertThrows(ActionSyntaxException.class, () -> ScriptStep.check("tap()"));
        assertTrue(unknown.getMessage().contains("tap"), unknown::getMessage);
        var quote = assertThrows(ActionSyntaxException.class, () -> ScriptStep.check("click(start_box='(1,2))"));
        assertTrue(quote.getMessage().contains("unbalanced quote"), quote::getMessage);

        ScriptStep.check("click(start_box='(1500,100)')");
        var outside = assertThrows(
                ActionSyntaxException.class,
                () -> ScriptStep.read("click(start_box='(1500,100)')", new Size(1280, 800)));
        assertTrue(outside.getMessage().contains("outside the 1280x800 image"), outside::getMessage);
        assertEquals(
                List.of(new Action.Click(new Point(1500, 100))),
                ScriptStep.read("click(start_box='(1500,100)')", new Size(1920, 1080))
                        .actions());
    }
}
