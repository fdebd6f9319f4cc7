package dev.deskpilot.policy;

/** Short, single-line quotations of reply text for error messages. */
final class Snippets {
    private static final int MAX_LENGTH = 40;

    private Snippets() {}

    /** The text with line breaks shown as {@code \n}, cut after 40 characters. */
    static String of(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH) + "…";
    }
}
