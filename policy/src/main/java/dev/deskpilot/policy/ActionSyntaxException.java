package dev.deskpilot.policy;

/**
 * A reply does not follow the action grammar, or names coordinates outside the image. The message
 * is one line that says what is wrong and where (which action, which argument, the offending text).
 * Whoever reads a reply gets either every action or this exception, never a partial result.
 */
public class ActionSyntaxException extends PolicyException {
    public ActionSyntaxException(String message) {
        super(oneLine(message));
    }

    public ActionSyntaxException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Keeps the message on one line even if it quotes reply text with line breaks. */
    private static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
