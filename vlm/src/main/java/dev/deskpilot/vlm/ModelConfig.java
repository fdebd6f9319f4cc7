package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything that fixes the shape of a Kimi-VL-style model: the vision tower, the language model,
 * the tokenizer's special tokens and deskpilot's grounding additions. The JSON uses Kimi-VL's own
 * field names ({@code vision_config}, {@code text_config}, {@code media_placeholder_token_id}), so
 * this record is the one place where checkpoint config names meet Java names.
 *
 * <p>Bundled configs: {@code miniature} (trainable on two CPU cores), {@code kimi-vl-tiny}
 * (Kimi-VL-A3B's exact structure, scaled down) and {@code kimi-vl-a3b} (the real numbers).
 *
 * @param name a short name for reports
 * @param vision the MoonViT tower and the image preprocessing
 * @param text the DeepSeek-V3-style decoder
 * @param mediaPlaceholderTokenId the token each image feature replaces ({@code <|media_pad|>})
 * @param tokenizer tokenizer kind and special token ids
 * @param grounding deskpilot's OCR stream and pointer; {@link GroundingConfig#NONE} for Kimi-VL
 */
public record ModelConfig(
        @JsonProperty("name") String name,
        @JsonProperty("vision_config") VisionConfig vision,
        @JsonProperty("text_config") TextConfig text,
        @JsonProperty("media_placeholder_token_id") int mediaPlaceholderTokenId,
        @JsonProperty("tokenizer") TokenizerConfig tokenizer,
        @JsonProperty("grounding") GroundingConfig grounding) {

    /** The configs shipped inside the jar. */
    public static final List<String> BUNDLED = List.of("miniature", "kimi-vl-tiny", "kimi-vl-a3b");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public ModelConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vision, "vision_config");
        Objects.requireNonNull(text, "text_config");
        Objects.requireNonNull(tokenizer, "tokenizer");
        grounding = grounding == null ? GroundingConfig.NONE : grounding;
        int vocab = text.vocabSize();
        if (mediaPlaceholderTokenId < 0 || mediaPlaceholderTokenId >= vocab) {
            throw new IllegalArgumentException(
                    "media_placeholder_token_id must be in 0.." + (vocab - 1) + ", was " + mediaPlaceholderTokenId);
        }
        if (tokenizer.id("<|media_pad|>") != mediaPlaceholderTokenId) {
            throw new IllegalArgumentException("media_placeholder_token_id (" + mediaPlaceholderTokenId
                    + ") must be the id of <|media_pad|> (" + tokenizer.id("<|media_pad|>") + ")");
        }
        tokenizer.specialTokens().forEach((t, id) -> {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("special token " + t + " has id " + id
                        + ", outside the vocabulary of text_config.vocab_size " + vocab);
            }
        });
        if (grounding.ocrStream()) {
            for (String t : List.of("<|ocr_start|>", "<|ocr_end|>")) {
                if (!tokenizer.has(t)) {
                    throw new IllegalArgumentException("grounding.ocr_stream needs the special token " + t);
                }
            }
        }
        if (grounding.pointer()) {
            if (!tokenizer.has("<|loc|>")) {
                throw new IllegalArgumentException("grounding.pointer_dim needs the special token <|loc|>");
            }
            for (int i = 0; i < grounding.pointOffsetGrid() * grounding.pointOffsetGrid(); i++) {
                if (!tokenizer.has(offsetToken(i))) {
                    throw new IllegalArgumentException("grounding.point_offset_grid " + grounding.pointOffsetGrid()
                            + " needs the special token " + offsetToken(i));
                }
            }
        }
    }

    /** The special token for offset cell {@code i} inside a pointed-at image token. */
    public static String offsetToken(int i) {
        return "<|off_" + i + "|>";
    }

    /** A config shipped with deskpilot, by name (see {@link #BUNDLED}). */
    public static ModelConfig bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("unknown model config '" + name + "'; bundled are " + BUNDLED);
        }
        String resource = "configs/" + name + ".json";
        try (InputStream in = ModelConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled config " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a config file; errors name the file and the field. */
    public static ModelConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
        try {
            return parse(text, "");
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    /** Parses config JSON; {@code source} (if not empty) names where it came from in errors. */
    public static ModelConfig parse(String json, String source) {
        String prefix = source.isEmpty() ? "" : source + ": ";
        try {
            return JSON.readValue(json, ModelConfig.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(prefix + cause.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(prefix + e.getOriginalMessage() + " at " + location(e), e);
        }
    }

    private static String location(JacksonException e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                ? m.getPathReference()
                : String.valueOf(e.getLocation());
    }

    /** This config as JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write config as JSON", e);
        }
    }

    /** Writes this config as JSON. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    /** The shared Jackson mapper, for the other model files. */
    static ObjectMapper json() {
        return JSON;
    }
}
