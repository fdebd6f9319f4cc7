package dev.deskpilot.policy.data;

/** Short, single-line quotations of file content for error messages. */
final class Snippet {
    private static final int MAX_LENGTH = 60;

    private Snippet() {}

    static String of(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH) + "…";
    }
}
