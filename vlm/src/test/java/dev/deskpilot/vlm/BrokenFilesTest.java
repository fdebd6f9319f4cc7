package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Opening broken model directories")
class BrokenFilesTest {
    @TempDir
    static Path shared;

    static Path mini;
    static Path tiny;

    @TempDir
    Path dir;

    @BeforeAll
    static void models() throws Exception {
        mini = ModelInit.init("miniature", shared.resolve("mini"), 1);
        tiny = ModelInit.init("kimi-vl-tiny", shared.resolve("tiny"), 1);
    }

    Path copyOf(Path model) throws Exception {
        for (String f : new String[] {
            ModelFiles.MANIFEST, ModelFiles.VISION, ModelFiles.EMBEDDING, ModelFiles.DECODER, ModelFiles.WEIGHTS
        }) {
            Files.copy(model.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    @Test
    @DisplayName("a freshly initialised model opens on the CPU")
    void opens() {
        try (var m = OnnxModel.open(mini, RuntimeOptions.CPU)) {
            assertEquals("miniature", m.config().name());
            assertEquals("CPU", m.executionProvider());
        }
    }

    @Test
    @DisplayName("a truncated decoder.onnx fails naming the file")
    void truncatedOnnx() throws Exception {
        Path d = copyOf(mini);
        Path decoder = d.resolve(ModelFiles.DECODER);
        try (var ch = FileChannel.open(decoder, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        var e = assertThrows(ModelFileException.class, () -> OnnxModel.open(d, RuntimeOptions.CPU));
        assertEquals(decoder, e.file());
        assertTrue(
                e.getMessage().startsWith(decoder.toString()) && e.getMessage().contains("cannot load"), e::getMessage);
    }

    @Test
    @DisplayName("a vision.onnx that is not ONNX at all fails naming the file")
    void corruptOnnx() throws Exception {
        Path d = copyOf(mini);
        Files.writeString(d.resolve(ModelFiles.VISION), "definitely not protobuf");
        var e = assertThrows(ModelFileException.class, () -> OnnxModel.open(d, RuntimeOptions.CPU));
        assertEquals(d.resolve(ModelFiles.VISION), e.file());
    }

    @Test
    @DisplayName("a missing ONNX file is named")
    void missingOnnx() throws Exception {
        Path d = copyOf(mini);
        Files.delete(d.resolve(ModelFiles.EMBEDDING));
        var e = assertThrows(ModelFileException.class, () -> OnnxModel.open(d, RuntimeOptions.CPU));
        assertTrue(
                e.getMessage().contains(ModelFiles.EMBEDDING) && e.getMessage().contains("missing"), e::getMessage);
    }

    @Test
    @DisplayName("graphs from another config fail naming the graph and the mismatch")
    void graphsDoNotMatchConfig() throws Exception {
        Path d = copyOf(mini);
        Files.copy(
                tiny.resolve(ModelFiles.DECODER), d.resolve(ModelFiles.DECODER), StandardCopyOption.REPLACE_EXISTING);
        var e = assertThrows(ModelFileException.class, () -> OnnxModel.open(d, RuntimeOptions.CPU));
        assertEquals(d.resolve(ModelFiles.DECODER), e.file());
        assertTrue(
                e.getMessage().contains("does not match model.json")
                        && e.getMessage().contains("hidden size"),
                e::getMessage);
    }

    @Test
    @DisplayName("a model.json with a broken field fails naming the file and the field")
    void brokenManifest() throws Exception {
        Path d = copyOf(mini);
        Path manifest = d.resolve(ModelFiles.MANIFEST);
        Files.writeString(
                manifest, Files.readString(manifest).replace("\"kv_lora_rank\" : 32", "\"kv_lora_rank\" : -1"));
        var e = assertThrows(ModelFileException.class, () -> OnnxModel.open(d, RuntimeOptions.CPU));
        assertTrue(
                e.getMessage().startsWith(manifest.toString()) && e.getMessage().contains("kv_lora_rank"),
                e::getMessage);
    }

    @Test
    @DisplayName("asking for CUDA on a machine without it falls back to the CPU")
    void cudaFallsBack() {
        try (var m = OnnxModel.open(mini, new RuntimeOptions(RuntimeOptions.Device.CUDA, 1))) {
            assertEquals("CPU", m.executionProvider());
        }
    }
}
