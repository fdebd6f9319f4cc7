package dev.deskpilot.perception;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.ocr.TextMatcher;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text on one screenshot, as a {@link TextReader} read it, and where a named text is on it: the
 * grounding behind scripted steps such as "click Submit" and checks such as "'Saved' is visible".
 *
 * <pre>{@code
 * ScreenText text = ScreenText.read(reader, screen.capture().image());
 * Point submit = text.find(TextTarget.of("Submit")).center();   // or TextNotFoundException
 * }</pre>
 *
 * <p>Matching (docs/ocr.md, "Finding text"): the target is compared with whole lines and with runs
 * of consecutive words within a line, ignoring case, whitespace and punctuation at the run's ends,
 * after NFKC normalisation, with up to 1 edit for targets of 4-8 characters and 2 beyond (none for 3
 * or fewer); the matches at the smallest distance found count, in reading order.
 *
 * @param lines the lines read, top to bottom, then left to right
 */
public record ScreenText(List<TextLine> lines) {
    /** How many near texts a not-found message lists. */
    static final int NEAREST = 3;

    public ScreenText {
        lines = List.copyOf(lines);
    }

    /** Reads {@code image} with {@code reader} (re-reading only what changed since its last read). */
    public static ScreenText read(TextReader reader, BufferedImage image) {
        return new ScreenText(reader.read(image));
    }

    /**
     * Every match of {@code target}'s text in its region, in reading order, whatever its occurrence
     * asks: the exact matches if there are any, otherwise the nearest ones within the tolerance.
     */
    public List<TextMatch> findAll(TextTarget target) {
        return TextMatcher.matches(lines, target.text(), target.region());
    }

    /** Whether {@code target} is on screen, at least as often as its occurrence asks. */
    public boolean shows(TextTarget target) {
        return findAll(target).size() >= target.occurrence();
    }

    /**
     * The match {@code target} names: its occurrence-th match in reading order.
     *
     * @throws TextNotFoundException whose one-line message names the target and the nearest texts
     *     on screen, or says that the screen shows no text, or how many occurrences there are
     */
    public TextMatch find(TextTarget target) {
        List<TextMatch> all = findAll(target);
        if (all.size() >= target.occurrence()) {
            return all.get(target.occurrence() - 1);
        }
        if (!all.isEmpty()) {
            String where = target.region()
                    .map(r -> "in region " + TextTarget.describe(r))
                    .orElse("on screen");
            throw new TextNotFoundException(
                    "text " + TextTarget.quote(target.text()) + " occurrence " + target.occurrence()
                            + " not found: it is " + where + " " + times(all.size()) + ": " + list(all),
                    target,
                    all);
        }
        throw notFound(target);
    }

    /** Up to {@code limit} different texts in {@code target}'s region closest to its text, nearest first. */
    public List<TextMatch> nearest(TextTarget target, int limit) {
        return TextMatcher.nearest(lines, target.text(), target.region(), limit);
    }

    /** The error for a target with no match at all: what the screen (or region) shows instead. */
    public TextNotFoundException notFound(TextTarget target) {
        String text = "text " + TextTarget.quote(target.text()) + " not found";
        List<TextMatch> nearest = nearest(target, NEAREST);
        if (target.region().isEmpty()) {
            String message = lines.isEmpty()
                    ? text + ": the screen shows no text"
                    : text + " on screen; nearest: " + list(nearest);
            return new TextNotFoundException(message, target, nearest);
        }
        Rect region = target.region().get();
        String message = nearest.isEmpty()
                ? text + " in region " + TextTarget.describe(region) + ": "
                        + (lines.isEmpty() ? "the screen shows no text" : "the region shows no text")
                : text + " in region " + TextTarget.describe(region) + "; nearest there: " + list(nearest);
        List<TextMatch> outside = TextMatcher.matches(lines, target.text(), Optional.empty());
        if (!outside.isEmpty()) {
            message += "; outside the region it is at "
                    + outside.stream()
                            .limit(NEAREST)
                            .map(m -> m.center().toString())
                            .collect(Collectors.joining(", "));
        }
        return new TextNotFoundException(message, target, nearest);
    }

    private static String times(int n) {
        return n == 1 ? "there once" : "there " + n + " times";
    }

    private static String list(List<TextMatch> matches) {
        return matches.stream().map(TextMatch::describe).collect(Collectors.joining(", "));
    }
}
