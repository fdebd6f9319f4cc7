package dev.deskpilot.vlm.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes safetensors files (reading is {@link SafetensorsFile}). */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Safetensors() {}

    /**
     * Writes tensors in the given map order as {@code dtype} (F32 or BF16, rounding to nearest
     * even), with optional {@code __metadata__} strings.
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata, DType dtype)
            throws IOException {
        if (dtype == DType.F16) {
            throw new IllegalArgumentException("deskpilot writes F32 or BF16 safetensors, not F16");
        }
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (var e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", dtype.name());
            var shape = t.putArray("shape");
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = (long) e.getValue().size() * dtype.bytes();
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        // The format pads the header with spaces so the data starts 8-byte aligned.
        int padded = (headerBytes.length + 7) / 8 * 8;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer len =
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded);
            out.write(len.array());
            out.write(headerBytes);
            for (int i = headerBytes.length; i < padded; i++) {
                out.write(' ');
            }
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (float v : t.data()) {
                    if (chunk.remaining() < 4) {
                        out.write(chunk.array(), 0, chunk.position());
                        chunk.clear();
                    }
                    if (dtype == DType.F32) {
                        chunk.putFloat(v);
                    } else {
                        chunk.putShort(toBf16(v));
                    }
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        }
    }

    /** Rounds a float to bfloat16 (nearest, ties to even), keeping NaN a NaN. */
    static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
