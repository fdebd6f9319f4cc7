package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextMatch;
import dev.deskpilot.perception.Word;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a text a script names among the lines a reader read, forgivingly: it compares the target
 * with every whole line and every run of consecutive words of a line, after NFKC normalisation,
 * lower-casing and dropping all whitespace (so "Sign in", "sign  in" and "Signin" are the same),
 * with or without the punctuation at the run's ends ("Name:" is "Name"), and accepts a small edit
 * distance that grows with the target's length ({@link #tolerance}).
 */
public final class TextMatcher {
    private TextMatcher() {}

    /**
     * One run of consecutive words of one line, and how far its text is from the target;
     * {@code otherWord} when the run only adds or lacks letters at one end of the target.
     */
    private record Candidate(int line, int first, int last, int distance, boolean otherWord, TextMatch match) {}

    /**
     * How many edits (inserted, deleted or replaced characters) a match may have, for a target of
     * {@code length} normalised characters: none up to 3 (short words are too easily confused), one
     * up to 8, two beyond.
     */
    public static int tolerance(int length) {
        if (length <= 3) {
            return 0;
        }
        return length <= 8 ? 1 : 2;
    }

    /** The text as it is compared: NFKC, lower case, without whitespace. */
    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * The matches of {@code text} within {@code region} (the whole screen when empty), in reading
     * order: those at the smallest distance found, so an exact match hides near ones. Within a line,
     * overlapping matches count once.
     */
    public static List<TextMatch> matches(List<TextLine> lines, String text, Optional<Rect> region) {
        String target = normalize(text);
        int tolerance = tolerance(target.length());
        List<Candidate> accepted = candidates(lines, target, region).stream()
                .filter(c -> c.distance() <= tolerance && !c.otherWord())
                .toList();
        int best = accepted.stream().mapToInt(Candidate::distance).min().orElse(0);
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : accepted) {
            boolean overlaps =
                    kept.stream().anyMatch(k -> k.line() == c.line() && k.first() <= c.last() && c.first() <= k.last());
            if (c.distance() == best && !overlaps) {
                kept.add(c);
            }
        }
        return kept.stream()
                .sorted(Comparator.comparingInt(Candidate::line).thenComparingInt(Candidate::first))
                .map(Candidate::match)
                .toList();
    }

    /**
     * Up to {@code limit} different texts within {@code region} closest to {@code text}, nearest
     * first (then in reading order): for each line, its run of words closest to the target, or the
     * whole line when even that run is more than one edit beyond the tolerance.
     */
    public static List<TextMatch> nearest(List<TextLine> lines, String text, Optional<Rect> region, int limit) {
        String target = normalize(text);
        List<Candidate> bestPerLine = new ArrayList<>();
        for (Candidate c : candidates(lines, target, region)) {
            Candidate last = bestPerLine.isEmpty() ? null : bestPerLine.getLast();
            if (last != null && last.line() == c.line()) {
                if (c.distance() < last.distance()) {
                    bestPerLine.set(bestPerLine.size() - 1, c);
                }
            } else {
                bestPerLine.add(c);
            }
        }
        int close = tolerance(target.length()) + 1;
        Set<String> seen = new HashSet<>();
        return bestPerLine.stream()
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::line))
                .map(c -> c.distance() <= close ? c.match() : wholeLine(lines.get(c.line()), c, region))
                .filter(m -> seen.add(normalize(m.text())))
                .limit(limit)
                .toList();
    }

    /**
     * A far candidate shown as its whole line (its words inside the region): "Not submitted yet"
     * says more about the screen than its closest run "Not".
     */
    private static TextMatch wholeLine(TextLine line, Candidate c, Optional<Rect> region) {
        List<Word> inside = line.words().stream().filter(w -> inside(w, region)).toList();
        return new TextMatch(join(inside), union(inside), c.distance());
    }

    /** Every run of consecutive words inside the region, line by line, left to right. */
    private static List<Candidate> candidates(List<TextLine> lines, String target, Optional<Rect> region) {
        // Longer runs only move away from the target once they are well past its length.
        int longest = 2 * target.length() + 2;
        List<Candidate> out = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            List<Word> words = lines.get(l).words();
            for (int first = 0; first < words.size(); first++) {
                StringBuilder run = new StringBuilder();
                for (int last = first; last < words.size() && inside(words.get(last), region); last++) {
                    run.append(normalize(words.get(last).text()));
                    if (last > first && run.length() > longest) {
                        break;
                    }
                    String trimmed = trimPunctuation(run);
                    int distance = Math.min(distance(run, target), distance(trimmed, target));
                    boolean otherWord =
                            distance > 0 && (extendsAtOneEnd(run, target) || extendsAtOneEnd(trimmed, target));
                    List<Word> matched = words.subList(first, last + 1);
                    out.add(new Candidate(
                            l,
                            first,
                            last,
                            distance,
                            otherWord,
                            new TextMatch(join(matched), union(matched), distance)));
                }
            }
        }
        return out;
    }

    /**
     * The run without punctuation at its ends, so "Name:" and "Lovelace," match "Name" and
     * "Lovelace" exactly; unchanged if nothing else is left.
     */
    static String trimPunctuation(CharSequence run) {
        int start = 0;
        int end = run.length();
        while (start < end && !Character.isLetterOrDigit(run.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(run.charAt(end - 1))) {
            end--;
        }
        return start == end ? run.toString() : run.subSequence(start, end).toString();
    }

    /**
     * Whether one text is the other with letters added at its start or end only: "Save" and
     * "Saved", "Open" and "Reopen" are different words, not misreadings of each other (a recogniser
     * that misreads changes a letter, or drops one inside a word), so waiting for "Saved" must not be
     * satisfied by a "Save" button.
     */
    static boolean extendsAtOneEnd(CharSequence run, String target) {
        String a = run.toString();
        String shorter = a.length() < target.length() ? a : target;
        String longer = a.length() < target.length() ? target : a;
        return !shorter.isEmpty()
                && shorter.length() < longer.length()
                && (longer.startsWith(shorter) || longer.endsWith(shorter));
    }

    private static boolean inside(Word word, Optional<Rect> region) {
        Point center = word.box().center();
        return region.map(r -> r.contains(center)).orElse(true);
    }

    private static String join(List<Word> words) {
        return String.join(" ", words.stream().map(Word::text).toList());
    }

    private static Rect union(List<Word> words) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (Word w : words) {
            Rect b = w.box();
            x0 = Math.min(x0, b.x());
            y0 = Math.min(y0, b.y());
            x1 = Math.max(x1, b.x() + b.width());
            y1 = Math.max(y1, b.y() + b.height());
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** Levenshtein distance: inserted, deleted and replaced characters. */
    static int distance(CharSequence a, CharSequence b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
