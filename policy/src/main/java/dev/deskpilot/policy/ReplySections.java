package dev.deskpilot.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A reply's text cut at its section labels: the reasoning sections before {@code Action:} and the
 * raw text after it. A label counts only at the start of a line (after indentation), with an ASCII
 * or full-width colon, so that a thought may mention "Action:" mid-sentence.
 */
record ReplySections(String thought, String reflection, String summary, String actionText) {

    /** The section labels of UI-TARS replies, in the order {@link ActionGrammar} writes them. */
    enum Label {
        THOUGHT("Thought"),
        REFLECTION("Reflection"),
        SUMMARY("Action_Summary"),
        ACTION("Action");

        final String word;

        Label(String word) {
            this.word = word;
        }

        /** The label as written at the start of its line. */
        String heading() {
            return word + ":";
        }
    }

    /** Cuts {@code text} into sections; every non-blank line must belong to a labelled section. */
    static ReplySections split(String text) throws ActionSyntaxException {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<Label, StringBuilder> sections = new EnumMap<>(Label.class);
        StringBuilder current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Optional<Label> label = labelAt(line);
            if (label.isEmpty()) {
                if (current != null) {
                    current.append('\n').append(line);
                } else if (!line.isBlank()) {
                    throw new ActionSyntaxException("reply line " + (i + 1) + " '" + Snippets.of(line)
                            + "' is outside any section (a reply starts with Thought:, Reflection:,"
                            + " Action_Summary: or Action:)");
                }
                continue;
            }
            if (sections.containsKey(label.get())) {
                throw new ActionSyntaxException("reply line " + (i + 1) + " repeats '"
                        + label.get().heading() + "'; each section appears once");
            }
            String rest = afterLabel(line, label.get());
            if (label.get() == Label.ACTION) {
                StringBuilder actionText = new StringBuilder(rest);
                for (int j = i + 1; j < lines.length; j++) {
                    actionText.append('\n').append(lines[j]);
                }
                return new ReplySections(
                        text(sections, Label.THOUGHT),
                        text(sections, Label.REFLECTION),
                        text(sections, Label.SUMMARY),
                        actionText.toString());
            }
            current = new StringBuilder(rest);
            sections.put(label.get(), current);
        }
        throw new ActionSyntaxException("reply has no 'Action:' line, so it names no action");
    }

    /** Whether any line of {@code text} starts with a section label. */
    static boolean hasLabel(String text) {
        return text.lines().anyMatch(line -> labelAt(line).isPresent());
    }

    /** The label a line starts with, if any; a line that would read as a label cannot be section content. */
    static Optional<Label> labelAt(String line) {
        String s = line.stripLeading();
        for (Label label : Label.values()) {
            if (s.startsWith(label.word)
                    && s.length() > label.word.length()
                    && isColon(s.charAt(label.word.length()))) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    private static String afterLabel(String line, Label label) {
        return line.stripLeading().substring(label.word.length() + 1);
    }

    private static boolean isColon(char c) {
        return c == ':' || c == '：';
    }

    private static String text(Map<Label, StringBuilder> sections, Label label) {
        StringBuilder b = sections.get(label);
        return b == null ? "" : b.toString().strip();
    }
}
