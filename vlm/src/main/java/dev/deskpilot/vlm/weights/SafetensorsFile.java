package dev.deskpilot.vlm.weights;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.vlm.ModelFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An open safetensors file: an 8-byte little-endian header length, a JSON header mapping tensor
 * names to dtype, shape and byte range, then the raw little-endian data. The header is read and
 * checked when the file is opened (every range inside the data section, every size matching its
 * shape), so a truncated or corrupt file fails at once, naming the file and the tensor; tensor
 * data is read on demand.
 */
public final class SafetensorsFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    /** Where one tensor lies in the file. */
    public record Entry(String name, DType dtype, int[] shape, long begin, long end) {}

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsFile(
            Path path, FileChannel channel, long dataStart, Map<String, Entry> entries, Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    /** Opens a file and checks its header against its size. */
    public static SafetensorsFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot open safetensors file: " + e.getMessage(), e);
        }
        try {
            return readHeader(path, channel);
        } catch (RuntimeException | IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException(path, "cannot read safetensors header: " + e.getMessage(), e);
        }
    }

    private static SafetensorsFile readHeader(Path path, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw new ModelFileException(
                    path, "not a safetensors file: " + fileSize + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer lengthBytes = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = lengthBytes.getLong(0);
        if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > fileSize - 8) {
            throw new ModelFileException(
                    path,
                    "not a safetensors file or truncated: header length " + headerLength
                            + " does not fit in the file's " + fileSize + " bytes");
        }
        ByteBuffer headerBytes = readFully(channel, 8, (int) headerLength);
        String headerText = StandardCharsets.UTF_8.decode(headerBytes).toString();
        JsonNode header;
        try {
            header = JSON.readTree(headerText);
        } catch (JacksonException e) {
            throw new ModelFileException(path, "corrupt safetensors header (not JSON): " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new ModelFileException(path, "corrupt safetensors header: not a JSON object");
        }
        long dataStart = 8 + headerLength;
        long dataSize = fileSize - dataStart;
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            var field = it.next();
            String name = field.getKey();
            JsonNode node = field.getValue();
            if (name.equals("__metadata__")) {
                node.fields()
                        .forEachRemaining(
                                m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            String dtypeName = node.path("dtype").asText("");
            DType dtype = DType.parse(dtypeName)
                    .orElseThrow(() -> new ModelFileException(
                            path,
                            "tensor " + name + " has dtype '" + dtypeName + "'; deskpilot reads F32, F16 and BF16"));
            JsonNode shapeNode = node.path("shape");
            JsonNode offsets = node.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
                throw new ModelFileException(
                        path, "corrupt safetensors header: tensor " + name + " lacks shape or data_offsets");
            }
            int[] shape = new int[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt(-1);
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            long expected = Tensor.elements(shape) * dtype.bytes();
            if (begin < 0 || end < begin) {
                throw new ModelFileException(
                        path,
                        "corrupt safetensors header: tensor " + name + " has data_offsets [" + begin + ", " + end
                                + "]");
            }
            if (end - begin != expected) {
                throw new ModelFileException(
                        path,
                        "corrupt safetensors header: tensor " + name + " of shape " + Arrays.toString(shape) + " "
                                + dtype + " needs " + expected + " bytes, its range holds " + (end - begin));
            }
            if (end > dataSize) {
                throw new ModelFileException(
                        path,
                        "truncated: tensor " + name + " ends at data byte " + end + " but the file holds only "
                                + dataSize + " data bytes");
            }
            entries.put(name, new Entry(name, dtype, shape, begin, end));
        }
        return new SafetensorsFile(
                path, channel, dataStart, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(metadata));
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }

    public Path path() {
        return path;
    }

    /** Tensor names in file order. */
    public Set<String> names() {
        return entries.keySet();
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Where a tensor lies and its type and shape; throws naming the file if absent. */
    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new ModelFileException(path, "has no tensor " + name);
        }
        return e;
    }

    /** The {@code __metadata__} strings. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Reads a tensor, converting F16 and BF16 to float32. */
    public Tensor read(String name) {
        Entry e = entry(name);
        long bytes = e.end() - e.begin();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new ModelFileException(
                    path, "tensor " + name + " has " + bytes + " bytes, more than one Java array holds");
        }
        ByteBuffer raw;
        try {
            raw = readFully(channel, dataStart + e.begin(), (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException ex) {
            throw new ModelFileException(path, "cannot read tensor " + name + ": " + ex.getMessage(), ex);
        }
        float[] out = new float[Math.toIntExact(Tensor.elements(e.shape()))];
        switch (e.dtype()) {
            case F32 -> raw.asFloatBuffer().get(out);
            case BF16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((raw.getShort(2 * i) & 0xffff) << 16);
                }
            }
            case F16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.float16ToFloat(raw.getShort(2 * i));
                }
            }
        }
        return new Tensor(e.shape(), out);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot close: " + e.getMessage(), e);
        }
    }
}
