package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Model bench arithmetic")
class ModelBenchTest {

    @Test
    @DisplayName("a decoded token of Kimi-VL-A3B reads its active float32 weights plus the KV cache")
    void realModelBytes() {
        ModelConfig c = ModelConfig.bundled("kimi-vl-a3b");
        long empty = ModelBench.bytesPerDecodedToken(c, ExportOptions.DEFAULT, 0);
        // About 2.6B active weights without the embedding table, 4 bytes each.
        assertTrue(empty > 9.5e9 && empty < 11e9, "bytes " + empty);
        long withContext = ModelBench.bytesPerDecodedToken(c, ExportOptions.DEFAULT, 1000);
        // 27 layers x 16 heads x (192 + 128) x 4 bytes per cached position.
        assertEquals(1000L * 27 * 16 * 320 * 4, withContext - empty, 2.0);
    }

    @Test
    @DisplayName("int4 reads about a seventh of float32's weight bytes")
    void int4Bytes() {
        ModelConfig c = ModelConfig.bundled("kimi-vl-a3b");
        double ratio = (double) ModelBench.bytesPerDecodedToken(c, ExportOptions.DEFAULT.int4(), 0)
                / ModelBench.bytesPerDecodedToken(c, ExportOptions.DEFAULT, 0);
        assertTrue(ratio > 0.12 && ratio < 0.2, "ratio " + ratio);
    }
}
