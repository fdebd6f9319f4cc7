package dev.deskpilot.perception.ocr;

import dev.deskpilot.perception.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * How well words read match the truth: a read word matches a true word when its text is exactly
 * the same (case included) and its box overlaps the true box; each word matches at most once.
 *
 * @param truth number of true words
 * @param read number of words read
 * @param matched number of matched pairs
 * @param missed true words without a match (for reports)
 * @param spurious words read without a match (for reports)
 */
public record WordScore(int truth, int read, int matched, List<Word> missed, List<Word> spurious) {
    public WordScore {
        missed = List.copyOf(missed);
        spurious = List.copyOf(spurious);
    }

    public static WordScore of(List<Word> truth, List<Word> read) {
        return of(truth, List.of(), read);
    }

    /**
     * Scores {@code read} against {@code truth}, ignoring read words that do not match and overlap
     * a word in {@code ignored} (text no reader could see).
     */
    public static WordScore of(List<Word> truth, List<Word> ignored, List<Word> read) {
        boolean[] used = new boolean[read.size()];
        List<Word> missed = new ArrayList<>();
        int matched = 0;
        for (Word t : truth) {
            int hit = -1;
            for (int i = 0; i < read.size() && hit < 0; i++) {
                if (!used[i]
                        && read.get(i).text().equals(t.text())
                        && Boxes.intersects(read.get(i).box(), t.box())) {
                    hit = i;
                }
            }
            if (hit >= 0) {
                used[hit] = true;
                matched++;
            } else {
                missed.add(t);
            }
        }
        List<Word> spurious = new ArrayList<>();
        int counted = read.size();
        for (int i = 0; i < read.size(); i++) {
            Word w = read.get(i);
            if (used[i]) {
                continue;
            }
            if (ignored.stream().anyMatch(x -> Boxes.intersects(x.box(), w.box()))) {
                counted--;
            } else {
                spurious.add(w);
            }
        }
        return new WordScore(truth.size(), counted, matched, missed, spurious);
    }

    /** The sum of two scores, e.g. over several screens. */
    public WordScore plus(WordScore other) {
        List<Word> m = new ArrayList<>(missed);
        m.addAll(other.missed);
        List<Word> s = new ArrayList<>(spurious);
        s.addAll(other.spurious);
        return new WordScore(truth + other.truth, read + other.read, matched + other.matched, m, s);
    }

    /** Matched true words over all true words; 1 when there were none. */
    public double recall() {
        return truth == 0 ? 1 : (double) matched / truth;
    }

    /** Matched read words over all words read; 1 when none were read. */
    public double precision() {
        return read == 0 ? 1 : (double) matched / read;
    }
}
