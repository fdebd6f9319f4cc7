package dev.deskpilot.tasks.env.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.perception.ocr.WordScore;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text reader on Chromium pages of labels, buttons, links and filled-in inputs, against the
 * DOM's word boxes. The full table, every installed family at 10-20 px, is {@link
 * ChromiumTextAccuracy}'s job (docs/ocr.md); this keeps the reader from sliding below the target.
 * Runs in the module's real-window test JVM (see the pom).
 */
@DisplayName("Reading Chromium pages")
class ChromiumTextAccuracyTest {
    static ChromiumTextAccuracy accuracy;

    @BeforeAll
    static void open() throws Exception {
        accuracy = ChromiumTextAccuracy.open();
    }

    @AfterAll
    static void close() {
        if (accuracy != null) {
            accuracy.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} px")
    @CsvSource({"sans-serif, 12", "serif, 14", "monospace, 16"})
    @DisplayName("finds at least 95% of the words, links and input values included, and reads at most 5% wrong")
    void recallAndPrecision(String family, int size) throws IOException {
        WordScore score = accuracy.score(family, size, 7);
        assertTrue(score.truth() > 200, "the page should hold many words, had " + score.truth());
        assertTrue(score.recall() >= 0.95, () -> family + " recall " + score.recall() + ", missed " + score.missed());
        assertTrue(
                score.precision() >= 0.95,
                () -> family + " precision " + score.precision() + ", read wrongly " + score.spurious());
    }

    @Test
    @DisplayName("tells an installed family from one Chromium has to replace")
    void fallback() throws IOException {
        assertFalse(accuracy.fallsBack("DejaVu Sans"));
        assertTrue(accuracy.fallsBack("No Such Font Family"));
    }
}
