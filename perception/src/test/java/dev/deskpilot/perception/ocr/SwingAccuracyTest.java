package dev.deskpilot.perception.ocr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deskpilot.perception.TextReader;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Word recall and precision on Swing screens in the logical fonts every JDK has. The full table,
 * every installed family at 10-20 px, is {@link OcrAccuracy}'s job (docs/ocr.md); this keeps the
 * reader from sliding below the target.
 */
@DisplayName("Reading Swing screens")
class SwingAccuracyTest {
    static TextReader reader;

    @BeforeAll
    static void open() {
        reader = TextReader.open();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Font.DIALOG, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED})
    @DisplayName("finds at least 95% of the words of 12 and 16 px text, and reads at most 5% wrong")
    void recallAndPrecision(String family) {
        WordScore score = OcrAccuracy.score(reader, family, 12, false, 12, 640, 280)
                .plus(OcrAccuracy.score(reader, family, 16, true, 16, 640, 280));
        assertTrue(score.truth() > 100, "the screens should hold many words, had " + score.truth());
        assertTrue(score.recall() >= 0.95, () -> family + " recall " + score.recall() + ", missed " + score.missed());
        assertTrue(
                score.precision() >= 0.95,
                () -> family + " precision " + score.precision() + ", read wrongly " + score.spurious());
    }

    @Test
    @DisplayName(
            "reads Liberation Mono's capitals that look like their lower case (Settings, Copy, Warning) as capitals")
    void capitalsByHeight() {
        int size = 20;
        String family = "Liberation Mono";
        assumeTrue(
                Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                        .contains(family),
                family + " is not installed");
        WordScore score = OcrAccuracy.score(reader, family, size, true, size, 1280, 400);
        assertTrue(score.truth() > 80, "the screen should hold many words, had " + score.truth());
        assertTrue(score.recall() >= 0.95, () -> "recall " + score.recall() + ", missed " + score.missed());
        assertTrue(
                score.precision() >= 0.95,
                () -> "precision " + score.precision() + ", read wrongly " + score.spurious());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("splits monospaced 20 px text into words only where a whole character cell is empty")
    void monospacedWords(boolean antialiased) {
        WordScore score = OcrAccuracy.score(reader, Font.MONOSPACED, 20, antialiased, 20, 1280, 400);
        assertTrue(score.truth() > 80, "the screen should hold many words, had " + score.truth());
        assertTrue(
                score.precision() >= 0.95,
                () -> "precision " + score.precision() + ", read wrongly " + score.spurious());
        assertTrue(score.recall() >= 0.95, () -> "recall " + score.recall() + ", missed " + score.missed());
    }
}
