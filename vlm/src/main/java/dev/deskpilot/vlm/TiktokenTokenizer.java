package dev.deskpilot.vlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kimi-VL's own tokenizer: byte-level BPE over the ranks of a {@code tiktoken.model}, after
 * splitting text with Kimi's pre-tokenizer pattern, as tiktoken does for Moonshot's
 * {@code TikTokenTokenizer}. Token ids are the ranks; special tokens sit above them, with the ids of
 * {@code model.json}'s {@code tokenizer.special_tokens}. Ids above the file's tokens that have no
 * name there decode as {@code <|reserved_token_ID|>}, Kimi's spelling for them.
 */
public final class TiktokenTokenizer implements Tokenizer {
    private static final String HAN = "\\p{IsHan}";
    /** Letters that may start a word: upper, title, modifier, other letters and marks, minus Han. */
    private static final String UPPER = "[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}&&[^" + HAN + "]]";
    /** Letters that may continue a word: lower, modifier, other letters and marks, minus Han. */
    private static final String LOWER = "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}&&[^" + HAN + "]]";

    private static final String CONTRACTION = "(?i:'s|'t|'re|'ve|'m|'ll|'d)?";

    /**
     * Kimi's {@code pat_str} in Java syntax. Rust's {@code \p{Han}} (the Han script) is Java's
     * {@code \p{IsHan}}; {@code &&} intersects character classes in both; Rust's {@code \s} and
     * case-insensitivity are Unicode-aware, hence {@link Pattern#UNICODE_CHARACTER_CLASS} (which
     * implies Unicode case folding). Alternatives in order: runs of Han characters; a word with
     * lower-case letters, an optional leading non-letter and an English contraction; an upper-case
     * word; up to three digits; punctuation with an optional leading space and trailing newlines;
     * whitespace ending in newlines; whitespace not followed by a non-space (so a word keeps its
     * leading space); other whitespace.
     */
    static final Pattern KIMI_PATTERN = Pattern.compile(
            String.join(
                    "|",
                    "[" + HAN + "]+",
                    "[^\\r\\n\\p{L}\\p{N}]?" + UPPER + "*" + LOWER + "+" + CONTRACTION,
                    "[^\\r\\n\\p{L}\\p{N}]?" + UPPER + "+" + LOWER + "*" + CONTRACTION,
                    "\\p{N}{1,3}",
                    " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*",
                    "\\s*[\\r\\n]+",
                    "\\s+(?!\\S)",
                    "\\s+"),
            Pattern.UNICODE_CHARACTER_CLASS);

    private final BytePairRanks ranks;
    private final TokenizerConfig config;
    private final int vocabSize;
    private final Map<Integer, String> specialText = new HashMap<>();

    private TiktokenTokenizer(BytePairRanks ranks, TokenizerConfig config, int vocabSize) {
        this.ranks = ranks;
        this.config = config;
        this.vocabSize = vocabSize;
        config.specialTokens().forEach((text, id) -> specialText.put(id, text));
    }

    /**
     * Reads a {@code tiktoken.model} (see {@link ModelFiles#TIKTOKEN}) for a model whose
     * {@code tokenizer} is {@code config} and whose vocabulary has {@code vocabSize} ids. Errors name
     * the file: missing, malformed (with the line), or not matching the special tokens or the
     * vocabulary size.
     */
    public static TiktokenTokenizer read(Path file, TokenizerConfig config, int vocabSize) {
        Objects.requireNonNull(config, "config");
        if (!config.kind().equals("tiktoken")) {
            throw new IllegalArgumentException(
                    "TiktokenTokenizer needs tokenizer.kind 'tiktoken', was '" + config.kind() + "'");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(
                    file,
                    "missing: tokenizer.kind 'tiktoken' reads its vocabulary from this file"
                            + " ('model convert' copies it from the Hugging Face checkpoint)");
        }
        BytePairRanks ranks = BytePairRanks.read(file);
        int base = ranks.size();
        if (base > vocabSize) {
            throw new ModelFileException(
                    file, "has " + base + " tokens, more than text_config.vocab_size " + vocabSize);
        }
        config.specialTokens().forEach((text, id) -> {
            if (id >= vocabSize) {
                throw new IllegalArgumentException("special token " + text + " has id " + id
                        + ", outside the vocabulary of text_config.vocab_size " + vocabSize);
            }
            if (id < base) {
                throw new ModelFileException(
                        file,
                        "has " + base + " tokens (ids 0.." + (base - 1) + "), but special token " + text + " has id "
                                + id + " among them; special tokens sit above the file's tokens");
            }
        });
        return new TiktokenTokenizer(ranks, config, vocabSize);
    }

    /** Kimi's pre-tokenisation of {@code text}: the pieces BPE then merges within. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = KIMI_PATTERN.matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }

    @Override
    public int[] encode(String text) {
        int[] ids = new int[Math.max(16, text.length())];
        int count = 0;
        Matcher m = KIMI_PATTERN.matcher(text);
        while (m.find()) {
            for (int id : ranks.merge(m.group().getBytes(StandardCharsets.UTF_8))) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                }
                ids[count++] = id;
            }
        }
        return Arrays.copyOf(ids, count);
    }

    @Override
    public String decode(int[] ids) {
        var out = new StringBuilder();
        // A character's UTF-8 bytes may span tokens, so bytes are joined until a special token.
        var pending = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id >= 0 && id < ranks.size()) {
                pending.writeBytes(ranks.bytes(id));
                continue;
            }
            out.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            out.append(spelling(id));
        }
        out.append(pending.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    private String spelling(int id) {
        if (id < 0 || id >= vocabSize) {
            throw new IllegalArgumentException("token id " + id + " is outside the vocabulary 0.." + (vocabSize - 1));
        }
        return specialText.getOrDefault(id, "<|reserved_token_" + id + "|>");
    }

    @Override
    public int special(String token) {
        return config.id(token);
    }

    @Override
    public boolean isSpecial(int id) {
        return id >= ranks.size() && id < vocabSize;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }
}
