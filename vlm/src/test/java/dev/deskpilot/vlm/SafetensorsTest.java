package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.vlm.weights.DType;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.Names;
import dev.deskpilot.vlm.weights.Safetensors;
import dev.deskpilot.vlm.weights.SafetensorsFile;
import dev.deskpilot.vlm.weights.Tensor;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Safetensors files and model weights")
class SafetensorsTest {
    @TempDir
    Path dir;

    static Map<String, Tensor> sample() {
        var m = new LinkedHashMap<String, Tensor>();
        m.put("a.weight", new Tensor(new int[] {2, 3}, new float[] {1, -2, 3.5f, 0, 1e-3f, -7}));
        m.put("b.bias", new Tensor(new int[] {3}, new float[] {0.25f, 100, -0.5f}));
        return m;
    }

    @Test
    @DisplayName("float32 tensors read back bit for bit, with shapes and metadata")
    void f32RoundTrip() throws Exception {
        Path f = dir.resolve("x.safetensors");
        Safetensors.write(f, sample(), Map.of("format", "pt"), DType.F32);
        try (var in = SafetensorsFile.open(f)) {
            assertEquals(java.util.Set.of("a.weight", "b.bias"), in.names());
            assertEquals("pt", in.metadata().get("format"));
            Tensor a = in.read("a.weight");
            assertArrayEquals(new int[] {2, 3}, a.shape());
            assertArrayEquals(sample().get("a.weight").data(), a.data());
        }
    }

    @Test
    @DisplayName("bfloat16 tensors read back rounded to bfloat16")
    void bf16RoundTrip() throws Exception {
        Path f = dir.resolve("x.safetensors");
        Safetensors.write(f, sample(), Map.of(), DType.BF16);
        try (var in = SafetensorsFile.open(f)) {
            assertEquals(DType.BF16, in.entry("b.bias").dtype());
            assertArrayEquals(new float[] {0.25f, 100, -0.5f}, in.read("b.bias").data());
            float[] a = in.read("a.weight").data();
            assertEquals(1e-3f, a[4], 1e-5f);
        }
    }

    @Test
    @DisplayName("a truncated file fails on open, naming the file and the tensor cut off")
    void truncated() throws Exception {
        Path f = dir.resolve("x.safetensors");
        Safetensors.write(f, sample(), Map.of(), DType.F32);
        try (var ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 5);
        }
        var e = assertThrows(ModelFileException.class, () -> SafetensorsFile.open(f));
        assertTrue(
                e.getMessage().startsWith(f.toString())
                        && e.getMessage().contains("truncated")
                        && e.getMessage().contains("b.bias"),
                e::getMessage);
    }

    @Test
    @DisplayName("a file that is not safetensors fails naming the file")
    void corrupt() throws Exception {
        Path f = dir.resolve("x.safetensors");
        Files.write(
                f, new byte[] {12, 0, 0, 0, 0, 0, 0, 0, '{', '"', 'a', '"', ':', ' ', ' ', ' ', ' ', ' ', ' ', ' '});
        var e = assertThrows(ModelFileException.class, () -> SafetensorsFile.open(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("corrupt"), e::getMessage);
        Files.writeString(f, "hello world, not a model");
        var e2 = assertThrows(ModelFileException.class, () -> SafetensorsFile.open(f));
        assertTrue(e2.getMessage().startsWith(f.toString()), e2::getMessage);
    }

    @Test
    @DisplayName("random model weights read back unchanged")
    void weightsRoundTrip() throws Exception {
        ModelConfig c = ModelConfig.bundled("miniature");
        ModelWeights w = ModelInit.randomWeights(c, 7);
        Path f = dir.resolve("model.safetensors");
        w.write(f);
        ModelWeights back = ModelWeights.read(c, f);
        assertArrayEquals(
                w.get(Names.EMBED_TOKENS).data(), back.get(Names.EMBED_TOKENS).data());
    }

    @Test
    @DisplayName("weights for another config fail naming the file and the first mismatching tensor")
    void configMismatch() throws Exception {
        ModelWeights w = ModelInit.randomWeights(ModelConfig.bundled("miniature"), 7);
        Path f = dir.resolve("model.safetensors");
        w.write(f);
        var e = assertThrows(ModelFileException.class, () -> ModelWeights.read(ModelConfig.bundled("kimi-vl-tiny"), f));
        assertTrue(
                e.getMessage().startsWith(f.toString())
                        && e.getMessage().contains("does not match config 'kimi-vl-tiny'")
                        && e.getMessage().contains("shape"),
                e::getMessage);
    }
}
