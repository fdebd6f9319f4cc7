package dev.deskpilot.agent.report;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Size;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.ActionSyntaxException;
import dev.deskpilot.policy.CoordinateConvention;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a step's {@code screenActions}: its text, and the action read back from it with the same
 * grammar the policy uses, so that it can be drawn on the frame. Empty when the text does not parse
 * (the report then shows the text alone rather than fail).
 */
record ScreenAction(String text, Optional<Action> action) {
    ScreenAction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
    }

    /** The text without UI-TARS's box tokens, for captions: {@code click(start_box='(292,92)')}. */
    String shortText() {
        return shorten(text);
    }

    /** Action text without UI-TARS's box tokens. */
    static String shorten(String actionText) {
        return actionText.replace("<|box_start|>", "").replace("<|box_end|>", "");
    }

    /** Reads each text as an action in screen pixels of {@code screen}. */
    static List<ScreenAction> parse(List<String> texts, Size screen) {
        ActionGrammar grammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, screen);
        List<ScreenAction> out = new ArrayList<>();
        for (String text : texts) {
            Optional<Action> action;
            try {
                List<Action> read = grammar.parse("Action: " + text).actions();
                action = read.size() == 1 ? Optional.of(read.get(0)) : Optional.empty();
            } catch (ActionSyntaxException e) {
                action = Optional.empty();
            }
            out.add(new ScreenAction(text, action));
        }
        return out;
    }
}
