package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which tokenizer the model reads and writes, and the ids of its special tokens, named as in
 * Kimi-VL ({@code [BOS]}, {@code <|im_user|>}, {@code <|media_pad|>}, ...).
 *
 * @param kind {@code byte} (bytes 0-255 are ids 0-255, special tokens above) or {@code tiktoken}
 *     (Kimi-VL's own BPE vocabulary, read from a {@code tiktoken.model} file)
 * @param specialTokens special token text to id, in id order
 */
public record TokenizerConfig(
        @JsonProperty("kind") String kind,
        @JsonProperty("special_tokens") Map<String, Integer> specialTokens) {

    /** The special tokens every chat prompt needs. */
    public static final List<String> CHAT_TOKENS = List.of(
            "[BOS]",
            "[EOS]",
            "<|im_end|>",
            "<|im_user|>",
            "<|im_assistant|>",
            "<|im_system|>",
            "<|im_middle|>",
            "<|media_start|>",
            "<|media_content|>",
            "<|media_end|>",
            "<|media_pad|>");

    public TokenizerConfig {
        ConfigChecks.oneOf("tokenizer.kind", kind, "byte", "tiktoken");
        Objects.requireNonNull(specialTokens, "tokenizer.special_tokens");
        for (String t : CHAT_TOKENS) {
            if (!specialTokens.containsKey(t)) {
                throw new IllegalArgumentException(
                        "tokenizer.special_tokens lacks " + t + ", which the chat template needs");
            }
        }
        specialTokens = Collections.unmodifiableMap(new LinkedHashMap<>(specialTokens));
        if (kind.equals("byte")) {
            specialTokens.forEach((text, id) -> {
                if (id < 256) {
                    throw new IllegalArgumentException("tokenizer.special_tokens: " + text + " has id " + id
                            + ", but ids 0-255 are the bytes of a byte tokenizer");
                }
            });
        }
    }

    /** The id of a special token; throws naming it if the vocabulary has none. */
    public int id(String token) {
        Integer id = specialTokens.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no special token " + token);
        }
        return id;
    }

    /** Whether the vocabulary has a special token. */
    public boolean has(String token) {
        return specialTokens.containsKey(token);
    }
}
