package dev.deskpilot.policy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A point as a reply writes it, in the numbers of some {@link CoordinateConvention}, before it is
 * mapped to pixels. {@code corners} holds the numbers as written (two for a point, four for a box),
 * so that each can be checked against the image; the point itself is a box's centre.
 */
record GrammarPoint(double x, double y, List<Double> corners) {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final String FORMS = "(x,y), [x1,y1,x2,y2], <point>x y</point> or <bbox>x1 y1 x2 y2</bbox>";

    GrammarPoint {
        corners = List.copyOf(corners);
    }

    /**
     * Reads {@code (x,y)}, {@code (x1,y1,x2,y2)}, {@code [x1,y1,x2,y2]}, {@code <point>x y</point>} or
     * {@code <bbox>x1 y1 x2 y2</bbox>}, optionally wrapped in {@code <|box_start|>…<|box_end|>}.
     *
     * @throws IllegalArgumentException saying which part is malformed
     */
    static GrammarPoint parse(String text) {
        String s = text.strip();
        if (s.startsWith("<|box_start|>")) {
            if (!s.endsWith("<|box_end|>")) {
                throw new IllegalArgumentException("'<|box_start|>' is not closed by '<|box_end|>'");
            }
            s = s.substring("<|box_start|>".length(), s.length() - "<|box_end|>".length())
                    .strip();
        }
        List<Double> numbers;
        if (s.startsWith("<point>") && s.endsWith("</point>")) {
            numbers = numbers(s.substring("<point>".length(), s.length() - "</point>".length()), "[\\s,]+");
            requireCount(numbers, 2, "<point> needs two numbers");
        } else if (s.startsWith("<bbox>") && s.endsWith("</bbox>")) {
            numbers = numbers(s.substring("<bbox>".length(), s.length() - "</bbox>".length()), "[\\s,]+");
            requireCount(numbers, 4, "<bbox> needs four numbers");
        } else if ((s.startsWith("(") && s.endsWith(")")) || (s.startsWith("[") && s.endsWith("]"))) {
            numbers = numbers(s.substring(1, s.length() - 1), "\\s*,\\s*");
            if (numbers.size() != 2 && numbers.size() != 4) {
                throw new IllegalArgumentException(
                        "expected 2 numbers (a point) or 4 (a box), found " + numbers.size());
            }
        } else {
            throw new IllegalArgumentException("expected coordinates such as " + FORMS);
        }
        if (numbers.size() == 2) {
            return new GrammarPoint(numbers.get(0), numbers.get(1), numbers);
        }
        return new GrammarPoint((numbers.get(0) + numbers.get(2)) / 2, (numbers.get(1) + numbers.get(3)) / 2, numbers);
    }

    private static List<Double> numbers(String inner, String separator) {
        String trimmed = inner.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no numbers between the brackets");
        }
        return Arrays.stream(trimmed.split(separator, -1))
                .map(GrammarPoint::number)
                .toList();
    }

    private static double number(String word) {
        if (!NUMBER.matcher(word).matches()) {
            throw new IllegalArgumentException("'" + Snippets.of(word) + "' is not a number");
        }
        return Double.parseDouble(word);
    }

    private static void requireCount(List<Double> numbers, int count, String message) {
        if (numbers.size() != count) {
            throw new IllegalArgumentException(message + ", found " + numbers.size());
        }
    }
}
