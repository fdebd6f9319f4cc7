package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.vlm.weights.ParameterLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("model info")
class ModelInfoTest {

    @Test
    @DisplayName("reports Kimi-VL-A3B's parameters, experts, layers and vocabulary from its config alone")
    void realArithmetic() {
        var info = ModelInfo.of(ModelConfig.bundled("kimi-vl-a3b"));
        assertEquals(27, info.layers());
        assertEquals(26, info.moeLayers());
        assertEquals(64, info.routedExperts());
        assertEquals(6, info.expertsPerToken());
        String text = info.format();
        assertTrue(
                text.contains("16.") && text.contains("B total") && text.contains("64 routed (6 per token) + 2 shared"),
                text);
    }

    @Test
    @DisplayName("active parameters count k of E routed experts")
    void activeCount() {
        ModelConfig c = ModelConfig.bundled("miniature");
        var t = c.text();
        long expert = 3L * t.hiddenSize() * t.moeIntermediateSize();
        long moeLayers = t.numHiddenLayers() - t.firstKDenseReplace();
        long unused = moeLayers * (t.nRoutedExperts() - t.numExpertsPerTok()) * expert;
        var layout = ParameterLayout.of(c);
        assertEquals(layout.totalParameters() - layout.visionParameters() - unused, layout.activeParametersPerToken());
    }

    @Test
    @DisplayName("describes a model directory with file sizes and the execution provider")
    void directory(@TempDir Path dir) throws Exception {
        ModelInit.init("miniature", dir, 1);
        var info = ModelInfo.describe(dir, RuntimeOptions.CPU);
        assertEquals("CPU", info.executionProvider());
        assertTrue(info.fileSizes().get(ModelFiles.DECODER) > 10_000);
        assertTrue(info.format().contains("decoder.onnx"), info::format);
    }
}
