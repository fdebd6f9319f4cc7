package dev.deskpilot.vlm;

import java.nio.file.Path;

/** The tokenizer a model directory uses, as its {@code model.json} says. */
public final class Tokenizers {
    private Tokenizers() {}

    /**
     * The tokenizer of the model in {@code dir} whose config is {@code config}: a
     * {@link ByteTokenizer} for {@code tokenizer.kind} {@code byte}, a {@link TiktokenTokenizer}
     * reading {@code dir/tiktoken.model} for {@code tiktoken}. Errors name the file at fault.
     */
    public static Tokenizer forModel(Path dir, ModelConfig config) {
        return switch (config.tokenizer().kind()) {
            case "byte" -> ByteTokenizer.of(config);
            case "tiktoken" ->
                TiktokenTokenizer.read(
                        ModelFiles.tiktoken(dir),
                        config.tokenizer(),
                        config.text().vocabSize());
            // TokenizerConfig admits only the kinds above.
            default ->
                throw new IllegalStateException(
                        "unknown tokenizer.kind " + config.tokenizer().kind());
        };
    }
}
