package dev.deskpilot.tasks;

/** Quotes a user-given value for a one-line message: escapes line breaks and shortens long text. */
final class Quote {
    private static final int MAX_CHARS = 80;

    private Quote() {}

    /** {@code Ada} becomes {@code 'Ada'}; a newline shows as {@code \n}; text beyond 80 characters ends in {@code …}. */
    static String of(String value) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(value.length(), MAX_CHARS);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < value.length()) {
            out.append("…");
        }
        return out.append('\'').toString();
    }
}
