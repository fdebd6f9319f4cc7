package dev.deskpilot.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the text after {@code Action:} into calls: {@code verb(name=value, …)}, one or more, each
 * after a line break (blank lines allowed). Values are Python-style quoted strings, bare numbers or
 * words, or bare coordinate forms ({@code (x,y)}, {@code [x1,y1,x2,y2]}, {@code <point>x y</point>},
 * {@code <bbox>…</bbox>}, {@code <|box_start|>…<|box_end|>}).
 *
 * <p>Models write apostrophes inside {@code type} content without escaping them ({@code 'It's'});
 * so an unescaped quote that is directly followed by a letter or digit is read as part of the
 * string. A quote followed by optional space and {@code ,} or {@code )} (or the end of the text)
 * closes the string; any other unescaped quote is an error, so that a missing parenthesis never
 * swallows the next action into a string.
 */
final class CallReader {
    private final String text;
    private final Set<String> verbs;
    private int pos;
    private int number;

    private CallReader(String text, Set<String> verbs) {
        this.text = text;
        this.verbs = verbs;
    }

    /** Reads every call in {@code actionText}; {@code verbs} are the action names the grammar knows. */
    static List<Call> read(String actionText, Set<String> verbs) throws ActionSyntaxException {
        return new CallReader(actionText, verbs).calls();
    }

    private List<Call> calls() throws ActionSyntaxException {
        List<Call> calls = new ArrayList<>();
        skipWhitespace();
        if (atEnd()) {
            throw new ActionSyntaxException("nothing follows 'Action:'; expected an action such as click(…)");
        }
        while (true) {
            number++;
            calls.add(call());
            boolean newLine = skipWhitespace();
            if (atEnd()) {
                return calls;
            }
            if (!newLine) {
                throw new ActionSyntaxException("after action " + number + " expected a line break before '"
                        + Snippets.of(rest()) + "'; write each action on its own line");
            }
        }
    }

    private Call call() throws ActionSyntaxException {
        String verb = identifier();
        if (verb.isEmpty()) {
            throw new ActionSyntaxException(
                    "action " + number + ": expected an action name, found '" + Snippets.of(rest()) + "'");
        }
        if (!verbs.contains(verb)) {
            throw new ActionSyntaxException(
                    "action " + number + ": unknown action '" + verb + "' (known: " + String.join(", ", verbs) + ")");
        }
        String where = "action " + number + " (" + verb + ")";
        skipHorizontalSpace();
        if (!consume('(')) {
            throw new ActionSyntaxException(where + ": expected '(' after '" + verb + "', found " + found());
        }
        Map<String, Call.Value> args = new LinkedHashMap<>();
        skipWhitespace();
        while (!consume(')')) {
            String name = identifier();
            if (name.isEmpty()) {
                throw new ActionSyntaxException(
                        where + ": expected a keyword argument such as start_box=…, found " + found());
            }
            skipWhitespace();
            if (!consume('=')) {
                throw new ActionSyntaxException(where + ": expected '=' after '" + name + "', found " + found());
            }
            skipWhitespace();
            Call.Value value = value(where, name);
            if (args.put(name, value) != null) {
                throw new ActionSyntaxException(where + ": argument '" + name + "' is given twice");
            }
            skipWhitespace();
            if (consume(',')) {
                skipWhitespace();
            } else if (peek() != ')') {
                throw new ActionSyntaxException(
                        where + ": expected ',' or ')' after the value of '" + name + "', found " + found());
            }
        }
        return new Call(number, verb, args);
    }

    private Call.Value value(String where, String name) throws ActionSyntaxException {
        if (atEnd()) {
            throw new ActionSyntaxException(where + ": argument '" + name + "' has no value");
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Call.Value(quoted(where, name), true);
        }
        int start = pos;
        String end = switch (c) {
            case '(' -> ")";
            case '[' -> "]";
            case '<' ->
                text.startsWith("<point>", pos)
                        ? "</point>"
                        : text.startsWith("<bbox>", pos)
                                ? "</bbox>"
                                : text.startsWith("<|box_start|>", pos) ? "<|box_end|>" : null;
            default -> "";
        };
        if (end == null) {
            throw new ActionSyntaxException(
                    where + ": argument '" + name + "' has a value that is not understood: " + found());
        }
        if (end.isEmpty()) {
            while (!atEnd() && isBareChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw new ActionSyntaxException(where + ": argument '" + name + "' has no value, found " + found());
            }
            return new Call.Value(text.substring(start, pos), false);
        }
        int close = text.indexOf(end, pos);
        if (close < 0) {
            throw new ActionSyntaxException(where + ": argument '" + name + "' opens '" + c + "' at '"
                    + Snippets.of(rest()) + "' but never closes it with '" + end + "'");
        }
        pos = close + end.length();
        return new Call.Value(text.substring(start, pos), false);
    }

    private String quoted(String where, String name) throws ActionSyntaxException {
        char quote = text.charAt(pos);
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                int escaped = PythonString.escaped(text.charAt(pos + 1));
                if (escaped < 0) {
                    out.append(c);
                    pos++;
                } else {
                    out.append((char) escaped);
                    pos += 2;
                }
                continue;
            }
            if (c == quote) {
                char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (Character.isLetterOrDigit(next)) {
                    out.append(c); // an apostrophe inside a word, as in 'It's'
                    pos++;
                    continue;
                }
                if (!closesString(pos + 1)) {
                    throw new ActionSyntaxException(where + ": argument '" + name + "' has a stray quote before '"
                            + Snippets.of(text.substring(pos + 1)) + "'; escape quotes inside strings as \\"
                            + quote);
                }
                pos++;
                return out.toString();
            }
            out.append(c);
            pos++;
        }
        throw new ActionSyntaxException(where + ": unbalanced quote, the string given to '" + name + "' never closes: "
                + Snippets.of(text.substring(start)));
    }

    /** Whether the text from {@code i} can follow a closing quote: space, then ',' or ')' or the end. */
    private boolean closesString(int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i == text.length() || text.charAt(i) == ',' || text.charAt(i) == ')';
    }

    private String identifier() {
        int start = pos;
        if (!atEnd() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
            while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
        }
        return text.substring(start, pos);
    }

    private static boolean isBareChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+';
    }

    /** Skips spaces and line breaks; returns whether a line break was among them. */
    private boolean skipWhitespace() {
        boolean newLine = false;
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            newLine |= text.charAt(pos) == '\n';
            pos++;
        }
        return newLine;
    }

    private void skipHorizontalSpace() {
        while (!atEnd() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private String rest() {
        return text.substring(pos);
    }

    private String found() {
        return atEnd() ? "the end of the reply" : "'" + Snippets.of(rest()) + "'";
    }
}
