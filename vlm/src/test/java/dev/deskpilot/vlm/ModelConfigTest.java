package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.vlm.weights.ParameterLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Model config")
class ModelConfigTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"miniature", "kimi-vl-tiny", "kimi-vl-a3b"})
    @DisplayName("every bundled config loads and survives a JSON round trip")
    void bundledRoundTrip(String name) {
        ModelConfig c = ModelConfig.bundled(name);
        assertEquals(name, c.name());
        assertEquals(c, ModelConfig.parse(c.toJson(), "round trip"));
    }

    @Test
    @DisplayName("kimi-vl-a3b carries Kimi-VL-A3B's real numbers and parameter counts")
    void realNumbers() {
        ModelConfig c = ModelConfig.bundled("kimi-vl-a3b");
        assertEquals(1152, c.vision().hiddenSize());
        assertEquals(27, c.vision().numHiddenLayers());
        assertEquals(163840, c.text().vocabSize());
        assertEquals(64, c.text().nRoutedExperts());
        assertEquals(6, c.text().numExpertsPerTok());
        assertEquals(192, c.text().qkHeadDim());
        assertEquals(163605, c.mediaPlaceholderTokenId());
        assertEquals(false, c.text().isMoeLayer(0));
        assertEquals(true, c.text().isMoeLayer(26));
        var layout = ParameterLayout.of(c);
        // 16B total with a 0.4B vision tower; about 3B active per token.
        long total = layout.totalParameters();
        assertTrue(total > 16.0e9 && total < 16.8e9, "total " + total);
        long vision = layout.visionParameters();
        assertTrue(vision > 0.40e9 && vision < 0.46e9, "vision " + vision);
        long active = layout.activeParametersPerToken();
        assertTrue(active > 2.5e9 && active < 3.0e9, "active " + active);
    }

    @Test
    @DisplayName("the miniature has a dense first layer followed by MoE layers with a shared expert")
    void miniatureShape() {
        TextConfig t = ModelConfig.bundled("miniature").text();
        assertEquals(false, t.isMoeLayer(0));
        for (int l = 1; l < t.numHiddenLayers(); l++) {
            assertTrue(t.isMoeLayer(l));
        }
        assertTrue(t.nSharedExperts() >= 1);
        assertTrue(t.vocabSize() >= 256 && t.vocabSize() <= 320);
    }

    @Test
    @DisplayName("a wrong value is rejected naming the checkpoint field and the expectation")
    void namesField() {
        String json = ModelConfig.bundled("miniature")
                .toJson()
                .replace("\"num_experts_per_tok\" : 2", "\"num_experts_per_tok\" : 99");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse(json, "x.json"));
        assertTrue(e.getMessage().contains("x.json") && e.getMessage().contains("num_experts_per_tok"), e::getMessage);
    }

    @Test
    @DisplayName("a missing field is rejected naming it")
    void missingField() {
        String json = ModelConfig.bundled("miniature").toJson().replace("\"kv_lora_rank\" : 32,", "");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse(json, "x.json"));
        assertTrue(e.getMessage().contains("kv_lora_rank"), e::getMessage);
    }

    @Test
    @DisplayName("reading a broken config file names the file")
    void namesFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("model.json");
        Files.writeString(f, "{ \"name\": ");
        var e = assertThrows(ModelFileException.class, () -> ModelConfig.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e::getMessage);
    }

    @Test
    @DisplayName("an unknown bundled name lists the known ones")
    void unknownBundled() {
        var e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.bundled("huge"));
        assertTrue(e.getMessage().contains("miniature"), e::getMessage);
    }
}
