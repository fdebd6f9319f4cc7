package dev.deskpilot.vlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The miniature's tokenizer: each UTF-8 byte is one token (ids 0-255), special tokens sit above.
 * Tiny vocabulary, no merges to learn, any text encodes.
 */
public final class ByteTokenizer implements Tokenizer {
    private final TokenizerConfig config;
    private final int vocabSize;
    private final Map<Integer, String> specialText = new HashMap<>();

    public ByteTokenizer(TokenizerConfig config, int vocabSize) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.kind().equals("byte")) {
            throw new IllegalArgumentException(
                    "ByteTokenizer needs tokenizer.kind 'byte', was '" + config.kind() + "'");
        }
        this.vocabSize = vocabSize;
        config.specialTokens().forEach((text, id) -> specialText.put(id, text));
    }

    /** The byte tokenizer of a model config. */
    public static ByteTokenizer of(ModelConfig c) {
        return new ByteTokenizer(c.tokenizer(), c.text().vocabSize());
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xff;
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        var out = new StringBuilder();
        var pending = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id >= 0 && id < 256) {
                pending.write(id);
                continue;
            }
            out.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            out.append(specialText.getOrDefault(id, "<|unused_" + id + "|>"));
        }
        out.append(pending.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    @Override
    public int special(String token) {
        return config.id(token);
    }

    @Override
    public boolean isSpecial(int id) {
        return id >= 256;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }
}
