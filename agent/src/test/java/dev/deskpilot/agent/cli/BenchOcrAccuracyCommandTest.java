package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot bench ocr-accuracy")
class BenchOcrAccuracyCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "measures one Swing font at one size, prints its table row and writes the tables to the results folder")
    void swingRow() throws Exception {
        CliRun run =
                CliRun.of("bench", "ocr-accuracy", "--fonts", "Dialog", "--sizes", "16", "--results", dir.toString());
        assertEquals(ExitCodes.OK, run.code(), run.err());
        // | family | px | words | recall (aliased) | precision (aliased) | recall (aa) | precision (aa) |
        String row = run.out()
                .lines()
                .filter(l -> l.startsWith("| Dialog | 16 | "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Dialog 16 px row in:\n" + run.out()));
        String[] cells = row.split("\\|");
        assertTrue(Integer.parseInt(cells[3].strip()) > 100, row);
        for (int c = 4; c <= 7; c++) {
            // Dialog at 16 px reads at 1.000 both ways (docs/ocr.md).
            assertTrue(Double.parseDouble(cells[c].strip()) >= 0.95, row);
        }
        String written = Files.readString(dir.resolve("ocr-accuracy-swing.md"));
        assertTrue(written.contains("| Dialog | 16 |"), written);
        assertTrue(written.contains("All fonts, 12 px and larger: "), written);
    }

    @Test
    @DisplayName("refuses a font family that is not installed, or a size out of range, on one line")
    void badInput() {
        CliRun font = CliRun.of("bench", "ocr-accuracy", "--fonts", "No Such Font", "--results", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, font.code());
        CliRun.assertOneLineNaming(font, "--fonts", "'No Such Font' is not an installed font family", "Dialog");
        CliRun size = CliRun.of("bench", "ocr-accuracy", "--sizes", "12,0", "--results", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, size.code());
        CliRun.assertOneLineNaming(size, "--sizes", "was 0");
        assertTrue(Files.notExists(dir.resolve("ocr-accuracy-swing.md")), "nothing is written for bad input");
    }
}
