package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot model")
class ModelCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("init writes a loadable miniature model that info then describes")
    void initThenInfo() {
        Path model = dir.resolve("mini");
        CliRun init = CliRun.of("model", "init", "--config", "miniature", "--out", model.toString());
        assertEquals(0, init.code(), init.err());
        for (String file : new String[] {"vision.onnx", "embedding.onnx", "decoder.onnx", "model.json"}) {
            assertTrue(Files.isRegularFile(model.resolve(file)), file);
        }
        CliRun info = CliRun.of("model", "info", model.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().toLowerCase().contains("param"), info.out());
        assertTrue(info.out().contains("CPU"), "names the execution provider: " + info.out());
    }

    @Test
    @DisplayName("info --config prints the real Kimi-VL-A3B arithmetic without any files")
    void infoOfBundledConfig() {
        CliRun info = CliRun.of("model", "info", "--config", "kimi-vl-a3b");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("64"), "64 routed experts: " + info.out());
    }

    @Test
    @DisplayName("a truncated decoder.onnx gives exit 2 and one line naming the file")
    void corruptModel() throws Exception {
        Path model = dir.resolve("broken");
        assertEquals(
                0,
                CliRun.of("model", "init", "--config", "miniature", "--out", model.toString())
                        .code());
        Path decoder = model.resolve("decoder.onnx");
        byte[] bytes = Files.readAllBytes(decoder);
        Files.write(decoder, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        CliRun info = CliRun.of("model", "info", model.toString());
        assertEquals(2, info.code(), info.err() + info.out());
        assertEquals(1, info.err().strip().lines().count(), info.err());
        assertTrue(info.err().contains("decoder.onnx"), info.err());
    }

    @Test
    @DisplayName("an unknown config name exits 2 and lists the bundled ones")
    void unknownConfig() {
        CliRun init = CliRun.of("model", "init", "--config", "giant", "--out", dir.toString());
        assertEquals(2, init.code());
        assertTrue(init.err().contains("miniature"), init.err());
    }

    @Test
    @DisplayName("bench model writes float32 and int4 figures with a roofline to the results file")
    void benchModel() throws Exception {
        CliRun bench = CliRun.of("bench", "model", "--decode-tokens", "2", "--results", dir.toString());
        assertEquals(0, bench.code(), bench.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("model.json").toFile());
        assertEquals(2, json.get("variants").size(), json.toString());
        for (var variant : json.get("variants")) {
            assertTrue(variant.get("decode_tokens_per_s").asDouble() > 0, variant.toString());
            assertTrue(variant.get("roofline_decode_tokens_per_s").asDouble() > 0, variant.toString());
        }
        assertTrue(bench.out().contains("roofline"), bench.out());
    }
}
