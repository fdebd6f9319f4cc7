package dev.deskpilot.vlm.onnx;

import ai.onnx.proto.OnnxMl;
import dev.deskpilot.vlm.ExportOptions;
import dev.deskpilot.vlm.Manifest;
import dev.deskpilot.vlm.ModelFiles;
import dev.deskpilot.vlm.weights.ModelWeights;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a model directory's ONNX files and {@code model.json} from weights. */
public final class OnnxExport {
    private OnnxExport() {}

    /** Builds and writes vision.onnx, embedding.onnx, decoder.onnx and model.json into {@code dir}. */
    public static void export(ModelWeights weights, ExportOptions options, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(VisionGraph.build(weights, options), dir.resolve(ModelFiles.VISION));
        write(EmbeddingGraph.build(weights), dir.resolve(ModelFiles.EMBEDDING));
        write(DecoderGraph.build(weights, options), dir.resolve(ModelFiles.DECODER));
        Manifest.of(weights.config(), options).write(ModelFiles.manifest(dir));
    }

    static void write(OnnxMl.ModelProto model, Path file) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            model.writeTo(out);
        }
    }
}
