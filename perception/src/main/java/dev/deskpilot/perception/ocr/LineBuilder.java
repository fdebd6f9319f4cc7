package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns the glyphs read in one detected box into a {@link TextLine} with word boxes.
 *
 * <p>The recogniser says <em>roughly</em> where each character is (its CTC time step) and whether
 * a space came between two characters. Words are cut at the widest blank column gap between
 * neighbouring characters: where the recogniser read a space (unless the glyphs touch), and also
 * where the gap is clearly a word gap though no space was read. Each word's box is then tightened
 * to its ink: pixels that differ clearly from the box's background colour.
 */
public final class LineBuilder {
    /** Lines read with less mean confidence are dropped (PaddleOCR: drop_score 0.5). */
    static final double MIN_CONFIDENCE = 0.5;
    /**
     * Blank gaps at least this wide (times the text's height) separate words even where the
     * recogniser read no space: PP-OCR's Chinese-trained model often drops spaces, and labels a
     * detector joined into one line are separate words whatever it reads. Measured on Swing text
     * in every installed font at 10-24 px: gaps inside words are at most 0.40 em, gaps between
     * words in monospaced fonts at least 0.60 em.
     */
    static final double WIDE_GAP = 0.5;
    /** A space the recogniser read needs a blank gap at least this wide: where glyphs touch, it misread. */
    static final double MIN_SPACE = 0.15;
    /**
     * A space the recogniser read also needs a gap this many times wider than the widest gap
     * between letters of the line: monospaced fonts leave wide gaps around narrow letters ("t r"),
     * which the model sometimes reads as spaces.
     */
    static final double SPACE_OVER_LETTER_GAP = 1.3;

    /**
     * In a monospaced line, word gaps are at least this many character pitches wide and gaps
     * between letters at most 0.62 (see {@link CharacterPitch}): a gap this wide is a space where
     * the model read one or the gap is wide for the text's height, and a narrower one next to a
     * narrow glyph is not, whatever the model read.
     */
    static final double MONOSPACED_SPACE = 0.8;

    /**
     * A line of at least this many characters whose gaps fall on no character grid ({@link
     * CharacterPitch#proportional}) is proportional: a space read there needs no gap wider than
     * the letters' gaps.
     */
    static final int PROPORTIONAL_LENGTH = 8;

    /**
     * PP-OCR's recogniser often drops a space it nearly read (Chromium's "Pull request" read as
     * "Pullrequest"): where it gave a space at least this probability at some time step between
     * two characters, the gap may be a space though the step's best class was blank.
     */
    static final double SPACE_EVIDENCE = 0.2;
    /**
     * Such a likely space also needs a gap this many times wider than the widest gap between
     * letters of the line: more than a read space needs, since short monospaced words ("Export",
     * too short to be told apart as monospaced) have one wide gap at a narrow letter.
     */
    static final double LIKELY_SPACE_OVER_LETTER_GAP = 2.5;

    private LineBuilder() {}

    /** The line read in {@code box}, or empty when nothing legible was read there. */
    public static Optional<TextLine> build(Pixels image, Rect box, List<Glyph> glyphs) {
        List<Glyph> characters = new ArrayList<>();
        List<Boolean> spaceBefore = new ArrayList<>();
        List<Boolean> likelySpace = new ArrayList<>();
        boolean space = false;
        for (Glyph g : glyphs) {
            if (g.text().isBlank()) {
                space = !characters.isEmpty();
            } else {
                characters.add(g);
                spaceBefore.add(space);
                likelySpace.add(!space && characters.size() > 1 && g.spaceBefore() >= SPACE_EVIDENCE);
                space = false;
            }
        }
        if (characters.isEmpty()) {
            return Optional.empty();
        }
        double confidence =
                characters.stream().mapToDouble(Glyph::probability).average().orElse(0);
        if (confidence < MIN_CONFIDENCE) {
            return Optional.empty();
        }
        InkProfile ink = InkProfile.of(image, box);
        int spaces = (int) spaceBefore.stream().filter(b -> b).count();
        OptionalDouble pitch = CharacterPitch.of(ink.columnInk(), characters.size(), characters.size() + spaces);
        characters = LetterCase.decide(ink, characters, pitch);
        // The text's height stands in for its font size: gaps are judged relative to it.
        double em = Math.max(1, ink.height());
        List<InkProfile.Gap> gaps = new ArrayList<>();
        int widestInWord = 0;
        for (int k = 1; k < characters.size(); k++) {
            InkProfile.Gap gap =
                    ink.widestGap(characters.get(k - 1).x(), characters.get(k).x());
            gaps.add(gap);
            if (!spaceBefore.get(k) && !likelySpace.get(k) && gap.width() < WIDE_GAP * em) {
                widestInWord = Math.max(widestInWord, gap.width());
            }
        }
        // In a long line whose gaps fall on no grid, the letter-gap test on read spaces (there against
        // monospaced gaps at narrow letters) would only reject the narrow word spaces
        // of proportional fonts ("Pull request": its "ll" leaves a gap as wide as the space).
        boolean proportional = characters.size() >= PROPORTIONAL_LENGTH
                && CharacterPitch.proportional(ink.columnInk(), characters.size(), characters.size() + spaces);
        List<Word> words = new ArrayList<>();
        double left = box.x();
        int first = 0;
        for (int k = 1; k <= characters.size(); k++) {
            double right = Boxes.right(box);
            if (k < characters.size()) {
                InkProfile.Gap gap = gaps.get(k - 1);
                boolean readSpace = spaceBefore.get(k)
                                && gap.width() >= MIN_SPACE * em
                                && (proportional || gap.width() >= SPACE_OVER_LETTER_GAP * widestInWord)
                        || likelySpace.get(k)
                                && gap.width() >= MIN_SPACE * em
                                && gap.width() >= LIKELY_SPACE_OVER_LETTER_GAP * widestInWord;
                // A point or colon between digits (monospaced "1.4.2", "10:45") leaves wide gaps in a
                // line only as high as its digits; no space read, it is one number.
                boolean wideGap = gap.width() >= WIDE_GAP * em
                        && !(separatesDigits(characters, k - 1) || separatesDigits(characters, k));
                boolean boundary;
                if (pitch.isPresent()) {
                    // A whole empty cell is a space, read or not. Narrower gaps come from narrow glyphs
                    // centred in their cells; elsewhere a read space stands, since proportional text
                    // with equal-width letters (digits, "Log out") can look monospaced.
                    boolean wholeCell = gap.width() >= MONOSPACED_SPACE * pitch.getAsDouble();
                    boolean narrowNeighbour = narrow(characters.get(k - 1).text())
                            || narrow(characters.get(k).text());
                    boundary = wholeCell && (wideGap || spaceBefore.get(k)) || readSpace && !narrowNeighbour;
                } else {
                    boundary = spaceBefore.get(k) ? readSpace : readSpace || wideGap;
                }
                if (!boundary || gap.width() == 0) {
                    continue;
                }
                right = gap.middle();
            }
            List<Glyph> word = characters.subList(first, k);
            int x0 = (int) Math.floor(left);
            Rect window = new Rect(x0, box.y(), Math.max(1, (int) Math.ceil(right) - x0), box.height());
            String text = String.join("", word.stream().map(Glyph::text).toList());
            double wordConfidence =
                    word.stream().mapToDouble(Glyph::probability).average().orElse(0);
            words.add(new Word(text, ink.tighten(window).orElse(window), clamp01(wordConfidence)));
            left = right;
            first = k;
        }
        Rect lineBox = words.get(0).box();
        for (Word w : words) {
            lineBox = Boxes.union(lineBox, w.box());
        }
        String text = String.join(" ", words.stream().map(Word::text).toList());
        return Optional.of(new TextLine(text, lineBox, clamp01(confidence), words));
    }

    /** Whether character {@code i} is a point, comma or colon with a digit on either side. */
    private static boolean separatesDigits(List<Glyph> characters, int i) {
        return i > 0
                && i < characters.size() - 1
                && ".,:".contains(characters.get(i).text())
                && characters.get(i).text().length() == 1
                && digit(characters.get(i - 1).text())
                && digit(characters.get(i + 1).text());
    }

    private static boolean digit(String character) {
        return character.length() == 1 && Character.isDigit(character.charAt(0));
    }

    /** Glyphs that leave wide gaps in their cells in monospaced fonts. */
    private static final String NARROW = "rltifj:;.,!|1I'\"()[]";

    private static boolean narrow(String character) {
        return character.length() == 1 && NARROW.contains(character);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
