package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot bench ocr")
class BenchOcrCommandTest {
    @Test
    @DisplayName("writes the OCR timings to the results file and prints them")
    void writesResults(@TempDir Path dir) throws Exception {
        CliRun bench = CliRun.of("bench", "ocr", "--runs", "1", "--results", dir.toString());
        assertEquals(0, bench.code(), bench.err());
        var json = new ObjectMapper().readTree(dir.resolve("ocr.json").toFile());
        assertTrue(json.size() > 0, json.toString());
        assertTrue(bench.out().contains("wrote " + dir.resolve("ocr.json").toAbsolutePath()), bench.out());
    }

    @Test
    @DisplayName("refuses --runs 0 as bad input")
    void badRuns(@TempDir Path dir) {
        CliRun.assertOneLineNaming(CliRun.of("bench", "ocr", "--runs", "0", "--results", dir.toString()), "--runs");
    }
}
