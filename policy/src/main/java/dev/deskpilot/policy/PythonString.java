package dev.deskpilot.policy;

/**
 * The quoted strings of the action grammar, which follow Python literals: {@code '…'} or {@code
 * "…"}, with the escapes {@code \\ \' \" \n \t \r}; any other backslash is kept as written, as
 * Python does.
 */
final class PythonString {
    private PythonString() {}

    /** Writes {@code text} as a single-quoted literal that {@link CallReader} reads back exactly. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** The character an escape {@code \c} stands for, or -1 if Python keeps the backslash. */
    static int escaped(char c) {
        return switch (c) {
            case '\\' -> '\\';
            case '\'' -> '\'';
            case '"' -> '"';
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> -1;
        };
    }
}
