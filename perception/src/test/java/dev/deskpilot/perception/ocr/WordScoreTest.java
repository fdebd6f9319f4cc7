package dev.deskpilot.perception.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.Word;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Word scores")
class WordScoreTest {
    static Word word(String text, int x, int y) {
        return new Word(text, new Rect(x, y, 30, 12), 1.0);
    }

    @Test
    @DisplayName("count a word read only with the exact text, case included, over the true box")
    void exactTextOverlappingBox() {
        var truth = List.of(word("Save", 0, 0), word("Open", 100, 0), word("Quit", 200, 0));
        var read = List.of(word("Save", 2, 1), word("open", 100, 0), word("Quit", 300, 0));
        var score = WordScore.of(truth, read);
        assertEquals(1, score.matched());
        assertEquals(1.0 / 3, score.recall(), 1e-9);
        assertEquals(1.0 / 3, score.precision(), 1e-9);
        assertEquals(
                List.of("Open", "Quit"), score.missed().stream().map(Word::text).toList());
    }

    @Test
    @DisplayName("match each true word at most once")
    void onceEach() {
        var score = WordScore.of(List.of(word("OK", 0, 0)), List.of(word("OK", 0, 0), word("OK", 1, 0)));
        assertEquals(1, score.matched());
        assertEquals(0.5, score.precision(), 1e-9);
    }

    @Test
    @DisplayName("ignore what is read over text no reader could see")
    void ignoredText() {
        var score = WordScore.of(List.of(), List.of(word("42.50", 0, 0)), List.of(word("42", 0, 0), word("50", 20, 0)));
        assertEquals(0, score.read());
        assertEquals(1.0, score.precision());
    }
}
