package dev.deskpilot.vlm;

import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which of the words a {@link TextReader} read on a screenshot enter the model's OCR text-token
 * stream, and in what order: the words to pass to {@link PromptBuilder#image(ImageProcessor.Processed,
 * List)} beside the same screenshot.
 *
 * <p>Words keep their boxes in the screenshot's own pixels. {@link PromptBuilder} maps a box onto
 * the processed image's grid itself (it multiplies by {@link ImageProcessor.Processed#scale()}),
 * and reports the word as a pointing target in screenshot pixels like the image tokens, so nothing
 * is scaled here.
 *
 * <p>Words the reader is less sure of than {@code minConfidence} are left out: a misread word names
 * something that is not on the screen, and the model would ground on it. The OCR section then
 * holds the remaining words in the reader's reading order (rows from the top, each left to right). When they do not
 * fit in {@code maxTokens}, whole lines are kept shortest first (fewest words; between equally long
 * lines, the one read first), and a line that does not fit in what is left is skipped; the kept
 * lines still appear in reading order. Controls — buttons, menu items, field labels, tab titles —
 * are short lines, and they are what instructions name and clicks land on; what goes first is
 * running text (paragraphs, long list rows), which the model can still see in the pixels. Whole
 * lines, so that a caption such as "Save as" is never cut to "Save".
 *
 * @param maxTokens the most tokens the OCR section may take, {@code <|ocr_start|>} and
 *     {@code <|ocr_end|>} included; at least 3
 * @param minConfidence words read with a lower confidence are left out; in 0..1
 */
public record OcrStream(int maxTokens, double minConfidence) {
    /**
     * 1024 tokens (about 140 words with the miniature's byte tokenizer, next to ~1,070 image tokens
     * for a 1280x800 screenshot in its 4,096-token context) and confidence 0.8: on Swing screens in
     * seven font families at 12-16 px that drops 0.2% of the words read right and 5% of those read
     * wrong (the recogniser is sure of most of its misreads; a higher bar costs more right words than
     * it removes wrong ones; docs/ocr.md).
     */
    public static final OcrStream DEFAULT = new OcrStream(1024, 0.8);

    /** Tokens of the two markers around the words. */
    private static final int MARKERS = 2;

    public OcrStream {
        if (maxTokens < MARKERS + 1) {
            throw new IllegalArgumentException("OCR stream maxTokens must be at least 3, was " + maxTokens);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("OCR stream minConfidence must be in 0..1, was " + minConfidence);
        }
    }

    /** The same stream with another token budget. */
    public OcrStream withMaxTokens(int tokens) {
        return new OcrStream(tokens, minConfidence);
    }

    /**
     * Reads {@code frame} with {@code reader} and returns the words of its OCR stream; empty when
     * nothing on the screen reads as text.
     */
    public List<OcrWord> read(Frame frame, TextReader reader, Tokenizer tokenizer) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(reader, "reader");
        return words(reader.read(frame), tokenizer);
    }

    /**
     * The OCR stream's words out of lines read on a screenshot (as {@link TextReader#read} returns
     * them, in reading order), counted in {@code tokenizer}'s tokens; see the class comment for what
     * is kept.
     */
    public List<OcrWord> words(List<TextLine> lines, Tokenizer tokenizer) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(tokenizer, "tokenizer");
        int space = tokenizer.encode(" ").length;
        List<Candidate> candidates = new ArrayList<>();
        for (TextLine line : lines) {
            List<OcrWord> kept = line.words().stream()
                    .filter(word -> word.confidence() >= minConfidence)
                    .map(OcrStream::word)
                    .toList();
            if (!kept.isEmpty()) {
                int cost = 0;
                for (OcrWord word : kept) {
                    cost += tokenizer.encode(word.text()).length + space;
                }
                candidates.add(new Candidate(candidates.size(), kept, cost));
            }
        }
        // Every word but the first is preceded by a space: MARKERS - space + sum of (tokens + space).
        int budget = maxTokens - MARKERS + space;
        List<Candidate> byLength = new ArrayList<>(candidates);
        byLength.sort(Comparator.comparingInt((Candidate c) -> c.words().size()).thenComparingInt(Candidate::order));
        boolean[] keep = new boolean[candidates.size()];
        for (Candidate candidate : byLength) {
            if (candidate.cost() <= budget) {
                keep[candidate.order()] = true;
                budget -= candidate.cost();
            }
        }
        List<OcrWord> words = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (keep[candidate.order()]) {
                words.addAll(candidate.words());
            }
        }
        return List.copyOf(words);
    }

    /**
     * The tokens {@link PromptBuilder} spends on these words after an image: the two markers, each
     * word's tokens and one space between neighbours; 0 for no words (no OCR section).
     */
    public static int tokens(List<OcrWord> words, Tokenizer tokenizer) {
        if (words.isEmpty()) {
            return 0;
        }
        int tokens = MARKERS + (words.size() - 1) * tokenizer.encode(" ").length;
        for (OcrWord word : words) {
            tokens += tokenizer.encode(word.text()).length;
        }
        return tokens;
    }

    private static OcrWord word(Word word) {
        return new OcrWord(word.text(), word.box());
    }

    /** A line's words that passed the confidence filter, its place in reading order, its token cost. */
    private record Candidate(int order, List<OcrWord> words, int cost) {}
}
