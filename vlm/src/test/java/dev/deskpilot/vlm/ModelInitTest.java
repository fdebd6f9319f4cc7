package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.vlm.weights.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("model init")
class ModelInitTest {

    @Test
    @DisplayName("the same seed gives the same weights and another seed different ones")
    void seeded() {
        ModelConfig c = ModelConfig.bundled("miniature");
        float[] a = ModelInit.randomWeights(c, 1).get(Names.LM_HEAD).data();
        float[] b = ModelInit.randomWeights(c, 1).get(Names.LM_HEAD).data();
        float[] other = ModelInit.randomWeights(c, 2).get(Names.LM_HEAD).data();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, other));
    }

    @Test
    @DisplayName("init writes model.json and model.safetensors for a bundled config")
    void writesFiles(@TempDir Path dir) throws Exception {
        ModelInit.init("kimi-vl-tiny", dir, 3);
        assertTrue(Files.size(dir.resolve(ModelFiles.WEIGHTS)) > 1000);
        assertEquals(
                ModelConfig.bundled("kimi-vl-tiny"),
                Manifest.read(dir.resolve(ModelFiles.MANIFEST)).config());
    }

    @Test
    @DisplayName("init refuses the real Kimi-VL-A3B, whose float32 weights do not fit")
    void refusesHuge(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> ModelInit.init("kimi-vl-a3b", dir, 3));
        assertTrue(e.getMessage().contains("do not fit"), e::getMessage);
    }
}
