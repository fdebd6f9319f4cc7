package dev.deskpilot.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("UI-TARS system prompt")
class UiTarsPromptTest {
    @Test
    @DisplayName("has the scaffold UI-TARS-1.5 was trained on, with the instruction last and the language in the notes")
    void scaffold() {
        String prompt = UiTarsPrompt.computerUse("Open the settings and enable dark mode.", "English");
        int format = prompt.indexOf("## Output Format");
        int space = prompt.indexOf("## Action Space");
        int note = prompt.indexOf("## Note");
        int instruction = prompt.indexOf("## User Instruction\nOpen the settings and enable dark mode.");
        assertTrue(0 < format && format < space && space < note && note < instruction, prompt);
        assertTrue(prompt.contains("Thought part in English"), prompt);
        assertTrue(prompt.contains("Thought: ...\nAction: ..."), prompt);
    }

    @Test
    @DisplayName("lists every action the grammar reads, in the form it writes")
    void listsActions() {
        String prompt = UiTarsPrompt.computerUse("x", "Chinese");
        for (String call : new String[] {
            "click(start_box='<|box_start|>(x1,y1)<|box_end|>')",
            "left_double(start_box=",
            "right_single(start_box=",
            "drag(start_box=",
            "hotkey(key=",
            "type(content=",
            "scroll(start_box=",
            "wait()",
            "finished(content=",
            "call_user()",
        }) {
            assertTrue(prompt.contains("\n" + call), call);
        }
        assertTrue(prompt.contains("\\n to press Enter"), prompt);
    }

    @Test
    @DisplayName("needs a language")
    void needsLanguage() {
        assertThrows(IllegalArgumentException.class, () -> UiTarsPrompt.computerUse("x", " "));
    }
}
