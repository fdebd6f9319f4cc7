package dev.deskpilot.policy;

import java.util.Objects;

/**
 * The system prompt of UI-TARS-1.5's computer-use mode, in deskpilot's own words but with the
 * scaffold the model was trained on: a role line, {@code ## Output Format}, {@code ## Action Space}
 * (the exact call forms {@link ActionGrammar} writes, plus {@code call_user()} as UI-TARS-desktop
 * offers it), {@code ## Note} (the thought's language and shape) and {@code ## User Instruction}.
 */
public final class UiTarsPrompt {
    private static final String TEMPLATE = """
            You are an agent that operates a computer through its screen. You get a task, the actions \
            you have taken so far, and screenshots. Choose the one next action that moves the task forward.

            ## Output Format
            ```
            Thought: ...
            Action: ...
            ```

            ## Action Space
            click(start_box='<|box_start|>(x1,y1)<|box_end|>')
            left_double(start_box='<|box_start|>(x1,y1)<|box_end|>')
            right_single(start_box='<|box_start|>(x1,y1)<|box_end|>')
            drag(start_box='<|box_start|>(x1,y1)<|box_end|>', end_box='<|box_start|>(x3,y3)<|box_end|>')
            hotkey(key='') # Name at most three keys, lowercase, separated by spaces, e.g. key='ctrl c'.
            type(content='') # Escape quotes and line breaks as in a Python string. End the content with \\n to press Enter after typing.
            scroll(start_box='<|box_start|>(x1,y1)<|box_end|>', direction='down or up or right or left')
            wait() # Pause for five seconds, then look at a fresh screenshot.
            finished(content='xxx') # The task is done; give the answer or a short summary in content.
            call_user() # Hand over to a person when the task cannot be done or needs their help.

            ## Note
            - Write the Thought part in %s.
            - In Thought, sketch a short plan, then say in one sentence which action comes next and which element it targets.

            ## User Instruction
            %s
            """;

    private UiTarsPrompt() {}

    /**
     * The computer-use system prompt for {@code instruction}, asking for thoughts in {@code language}
     * (e.g. "English").
     */
    public static String computerUse(String instruction, String language) {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must name a language, e.g. English, was blank");
        }
        return TEMPLATE.formatted(language.strip(), instruction.strip());
    }
}
