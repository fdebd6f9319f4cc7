package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot synth --ocr")
class SynthOcrTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @DisplayName("stores the text read on each sample's screenshot in its ocr field")
    void samplesCarryTheirText() throws Exception {
        Path out = dir.resolve("data");
        var r = EvalCommandTest.run("synth", "smoke", "--n", "2", "--ocr", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = Files.readAllLines(out.resolve("samples.jsonl"));
        assertFalse(lines.isEmpty());
        try (TextReader fresh = TextReader.open()) {
            for (String line : lines) {
                JsonNode sample = JSON.readTree(line);
                JsonNode ocr = sample.get("ocr");
                assertTrue(ocr != null && ocr.isArray() && !ocr.isEmpty(), "an app screen holds text: " + line);
                List<String> stored = new ArrayList<>();
                for (JsonNode read : ocr) {
                    JsonNode box = read.get("box");
                    assertTrue(box.get("x").asInt() >= 0
                            && box.get("x").asInt() + box.get("width").asInt() <= 1280);
                    assertTrue(box.get("y").asInt() >= 0
                            && box.get("y").asInt() + box.get("height").asInt() <= 800);
                    List<String> words = new ArrayList<>();
                    read.get("words").forEach(w -> words.add(w.get("text").asText()));
                    assertEquals(read.get("text").asText(), String.join(" ", words));
                    stored.add(read.get("text").asText());
                }
                // The text belongs to this sample's own screenshot: a full read of its PNG gives the same lines.
                var image =
                        ImageIO.read(out.resolve(sample.get("image").asText()).toFile());
                fresh.forget();
                assertEquals(
                        fresh.read(image).stream().map(TextLine::text).toList(),
                        stored,
                        sample.get("id").asText());
            }
        }
        assertTrue(
                JSON.readTree(out.resolve("manifest.json").toFile()).get("ocr").asBoolean());
    }

    @Test
    @DisplayName("without --ocr, samples have no ocr field")
    void noOcrByDefault() throws Exception {
        Path out = dir.resolve("plain");
        var r = EvalCommandTest.run("synth", "smoke", "--n", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        for (String line : Files.readAllLines(out.resolve("samples.jsonl"))) {
            assertFalse(JSON.readTree(line).has("ocr"), line);
        }
        assertFalse(
                JSON.readTree(out.resolve("manifest.json").toFile()).get("ocr").asBoolean());
    }
}
