package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A model directory's tokenizer")
class TokenizersTest {
    @TempDir
    Path dir;

    static final ModelConfig MINI = ModelConfig.bundled("miniature");

    /** The miniature with its special tokens read through a tiktoken vocabulary of the 256 bytes. */
    static final ModelConfig MINI_TIKTOKEN = new ModelConfig(
            MINI.name(),
            MINI.vision(),
            MINI.text(),
            MINI.mediaPlaceholderTokenId(),
            new TokenizerConfig("tiktoken", MINI.tokenizer().specialTokens()),
            MINI.grounding());

    @Test
    @DisplayName("is the byte tokenizer when model.json says tokenizer.kind byte")
    void byteKind() {
        assertInstanceOf(ByteTokenizer.class, Tokenizers.forModel(dir, MINI));
    }

    @Test
    @DisplayName("reads tiktoken.model when model.json says tokenizer.kind tiktoken")
    void tiktokenKind() throws Exception {
        TiktokenTokenizerTest.write(ModelFiles.tiktoken(dir), TiktokenTokenizerTest.singleBytes());
        Tokenizer t = Tokenizers.forModel(dir, MINI_TIKTOKEN);
        assertInstanceOf(TiktokenTokenizer.class, t);
        assertEquals(MINI.tokenizer().id("<|im_end|>"), t.special("<|im_end|>"));
        assertEquals("Save 保存", t.decode(t.encode("Save 保存")));
    }

    @Test
    @DisplayName("of kind tiktoken without tiktoken.model fails naming the file")
    void missingVocabulary() {
        var e = assertThrows(ModelFileException.class, () -> Tokenizers.forModel(dir, MINI_TIKTOKEN));
        assertEquals(ModelFiles.tiktoken(dir), e.file());
        assertTrue(e.getMessage().contains("missing"), e::getMessage);
    }

    @Test
    @DisplayName("for the bundled kimi-vl-a3b config takes a full-size vocabulary with Kimi-VL's special ids")
    void kimiVlA3b() throws Exception {
        ModelConfig kimi = ModelConfig.bundled("kimi-vl-a3b");
        // 256 single bytes plus 163,328 distinct three-byte tokens: Kimi-VL's 163,584 ranks.
        List<byte[]> tokens = TiktokenTokenizerTest.singleBytes();
        for (int i = 0; tokens.size() < 163_584; i++) {
            tokens.add(new byte[] {(byte) (i >> 16), (byte) (i >> 8), (byte) i});
        }
        TiktokenTokenizerTest.write(ModelFiles.tiktoken(dir), tokens);
        Tokenizer t = Tokenizers.forModel(dir, kimi);
        assertEquals(163_840, t.vocabSize());
        assertEquals(163_584, t.special("[BOS]"));
        assertEquals(163_586, t.special("<|im_end|>"));
        assertEquals(163_605, t.special("<|media_pad|>"));
        assertTrue(t.isSpecial(163_584) && !t.isSpecial(163_583));
        assertEquals("<|reserved_token_163590|>", t.decode(new int[] {163_590}));
        assertEquals("<|im_user|>user", t.decode(concat(t.special("<|im_user|>"), t.encode("user"))));
    }

    static int[] concat(int first, int[] rest) {
        return IntStream.concat(IntStream.of(first), Arrays.stream(rest)).toArray();
    }
}
