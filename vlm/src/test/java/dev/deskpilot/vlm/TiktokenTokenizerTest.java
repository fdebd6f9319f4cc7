package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Kimi-VL's tiktoken tokenizer")
class TiktokenTokenizerTest {
    @TempDir
    Path dir;

    /** Text the test vocabulary is learned from: English, Chinese, digits, an emoji, whitespace. */
    static final String CORPUS = """
            Click the Save button, then the Cancel button. The button is blue.
            点击保存按钮，然后点击取消按钮。按钮是蓝色的。
            Open the file menu 3 times; 123 456 7890 👍 done!
            \tIndented line with  two spaces and trailing space\s
            """;

    // --- building vocabularies -------------------------------------------------------------

    /** The 256 single bytes, in an order where a byte's rank is not its value. */
    static List<byte[]> singleBytes() {
        List<byte[]> tokens = new ArrayList<>();
        for (int b = 255; b >= 0; b--) {
            tokens.add(new byte[] {(byte) b});
        }
        return tokens;
    }

    static int byteRank(char c) {
        return 255 - c;
    }

    /** The single bytes plus the given tokens, ranked in that order (the given ones from 256). */
    static List<byte[]> withTokens(String... tokens) {
        List<byte[]> all = singleBytes();
        for (String t : tokens) {
            all.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return all;
    }

    /**
     * A tiny BPE trainer: starting from single bytes within Kimi's pieces of {@code corpus}, adds
     * the most frequent adjacent pair (the first seen on ties) as the next-ranked token, up to
     * {@code merges} times or until no pair occurs twice.
     */
    static List<byte[]> learn(String corpus, int merges) {
        List<byte[]> vocab = singleBytes();
        List<List<Integer>> words = new ArrayList<>();
        for (String piece : TiktokenTokenizer.split(corpus)) {
            List<Integer> word = new ArrayList<>();
            for (byte b : piece.getBytes(StandardCharsets.UTF_8)) {
                word.add(255 - (b & 0xff));
            }
            words.add(word);
        }
        for (int m = 0; m < merges; m++) {
            Map<List<Integer>, Integer> counts = new LinkedHashMap<>();
            for (var w : words) {
                for (int i = 0; i + 1 < w.size(); i++) {
                    counts.merge(List.of(w.get(i), w.get(i + 1)), 1, Integer::sum);
                }
            }
            var best = counts.entrySet().stream()
                    .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                    .filter(e -> e.getValue() >= 2);
            if (best.isEmpty()) {
                break;
            }
            int left = best.get().getKey().get(0);
            int right = best.get().getKey().get(1);
            int merged = vocab.size();
            var bytes = new ByteArrayOutputStream();
            bytes.writeBytes(vocab.get(left));
            bytes.writeBytes(vocab.get(right));
            vocab.add(bytes.toByteArray());
            for (var w : words) {
                for (int i = 0; i + 1 < w.size(); i++) {
                    if (w.get(i) == left && w.get(i + 1) == right) {
                        w.set(i, merged);
                        w.remove(i + 1);
                    }
                }
            }
        }
        return vocab;
    }

    /** Writes tokens as a tiktoken.model, the token at index r with rank r, lines in reverse order. */
    static Path write(Path file, List<byte[]> tokensByRank) throws IOException {
        var lines = new ArrayList<String>();
        for (int rank = tokensByRank.size() - 1; rank >= 0; rank--) {
            lines.add(Base64.getEncoder().encodeToString(tokensByRank.get(rank)) + " " + rank);
        }
        Files.write(file, lines);
        return file;
    }

    /** Kimi-VL's chat tokens at Kimi-VL's offsets above a base vocabulary ([BOS] at base, ...). */
    static TokenizerConfig kimiSpecials(int base) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        ids.put("[BOS]", base);
        ids.put("[EOS]", base + 1);
        ids.put("<|im_end|>", base + 2);
        ids.put("<|im_user|>", base + 3);
        ids.put("<|im_assistant|>", base + 4);
        ids.put("<|im_system|>", base + 10);
        ids.put("<|im_middle|>", base + 17);
        ids.put("<|media_start|>", base + 18);
        ids.put("<|media_content|>", base + 19);
        ids.put("<|media_end|>", base + 20);
        ids.put("<|media_pad|>", base + 21);
        return new TokenizerConfig("tiktoken", ids);
    }

    TiktokenTokenizer tokenizer(List<byte[]> tokens) throws IOException {
        Path file = write(dir.resolve(ModelFiles.TIKTOKEN), tokens);
        return TiktokenTokenizer.read(file, kimiSpecials(tokens.size()), tokens.size() + 256);
    }

    // --- pre-tokenisation ------------------------------------------------------------------

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("Hello world", List.of("Hello", " world")),
                Arguments.of("Hello, world!", List.of("Hello", ",", " world", "!")),
                Arguments.of("it's DON'T we'll", List.of("it's", " DON'T", " we'll")),
                Arguments.of("HTTPServer OK", List.of("HTTPServer", " OK")),
                Arguments.of("café naïve", List.of("café", " naïve")),
                Arguments.of("你好，世界。", List.of("你好", "，", "世界", "。")),
                Arguments.of("Kimi是AI模型", List.of("Kimi", "是", "AI", "模型")),
                Arguments.of("こんにちは世界", List.of("こんにちは", "世界")),
                Arguments.of("12345 2024年", List.of("123", "45", " ", "202", "4", "年")),
                Arguments.of("a  b", List.of("a", " ", " b")),
                Arguments.of("end.\nnext", List.of("end", ".\n", "next")),
                Arguments.of("one\n\ntwo", List.of("one", "\n\n", "two")),
                Arguments.of("x  \n  y", List.of("x", "  \n", " ", " y")),
                Arguments.of("\tindent", List.of("\tindent")),
                Arguments.of("trailing   ", List.of("trailing", "   ")),
                Arguments.of("ok 👍🏽!", List.of("ok", " 👍🏽!")),
                Arguments.of("\u00a0nbsp\u3000全角", List.of("\u00a0nbsp", "\u3000", "全角")),
                Arguments.of("x\u3000\u3000y", List.of("x", "\u3000", "\u3000y")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    @DisplayName("splits text into Kimi's pre-tokenizer pieces")
    void split(String text, List<String> pieces) {
        assertEquals(pieces, TiktokenTokenizer.split(text));
    }

    // --- byte-pair merging -----------------------------------------------------------------

    @Test
    @DisplayName("merges the lowest-ranked pair first, the leftmost on ties, rather than the longest token")
    void mergeOrder() throws IOException {
        var t = tokenizer(withTokens("cd", "bc", "ab", "abc", "aa"));
        int cd = 256;
        int ab = 258;
        int abc = 259;
        int aa = 260;
        // abcd: pairs ab 258, bc 257, cd 256 -> a b [cd]; then ab 258 (bcd is no token) -> [ab][cd].
        // A longest-match tokenizer would give [abc] d instead.
        assertArrayEquals(new int[] {ab, cd}, t.encode("abcd"));
        // aaab: ab 258 beats the leftmost aa 260 -> a a [ab]; then aa -> [aa][ab].
        assertArrayEquals(new int[] {aa, ab}, t.encode("aaab"));
        // aaa: two aa pairs tie; the left one merges.
        assertArrayEquals(new int[] {aa, byteRank('a')}, t.encode("aaa"));
        // aaaa: [aa] a a, then the remaining aa.
        assertArrayEquals(new int[] {aa, aa}, t.encode("aaaa"));
        // A piece that is itself a token is that token.
        assertArrayEquals(new int[] {abc}, t.encode("abc"));
        // Merges stay within pieces: " ab" is one piece, "ab," two.
        assertArrayEquals(new int[] {byteRank(' '), ab}, t.encode(" ab"));
        assertArrayEquals(new int[] {ab, byteRank(',')}, t.encode("ab,"));
    }

    @Test
    @DisplayName("round-trips English, Chinese, emoji, digits and whitespace through a learned vocabulary")
    void roundTrip() throws IOException {
        List<byte[]> vocab = learn(CORPUS, 30);
        assertEquals(256 + 30, vocab.size(), "the corpus has enough repeated pairs for 30 merges");
        var t = tokenizer(vocab);
        int[] ids = t.encode(CORPUS);
        assertEquals(CORPUS, t.decode(ids));
        assertTrue(
                ids.length < CORPUS.getBytes(StandardCharsets.UTF_8).length * 2 / 3,
                ids.length + " tokens for " + CORPUS.getBytes(StandardCharsets.UTF_8).length + " bytes");
        for (String text : List.of(
                "Click Save, then Cancel.\n\n",
                "点击保存按钮 then 取消 ✓",
                "Größe: 5 € — 100% ok  \t\r\n  end",
                "emoji 👍🏽👨‍👩‍👧 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                "  leading and trailing  ",
                "")) {
            assertEquals(text, t.decode(t.encode(text)), text);
        }
        assertTrue(Arrays.stream(t.encode("点击按钮")).anyMatch(id -> id >= 256), "Chinese uses learned tokens");
    }

    @Test
    @DisplayName("every Unicode character survives encoding and decoding")
    void everyCharacter() throws IOException {
        var t = tokenizer(learn(CORPUS, 20));
        var text = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x10000 ? 1 : 37) {
            if (Character.getType(cp) != Character.SURROGATE) {
                text.appendCodePoint(cp);
            }
        }
        assertEquals(text.toString(), t.decode(t.encode(text.toString())));
    }

    @Test
    @DisplayName("joins a character's bytes across tokens before decoding them")
    void bytesAcrossTokens() throws IOException {
        // 你 is E4 BD A0 in UTF-8; the vocabulary has its first two bytes as one token.
        List<byte[]> tokens = singleBytes();
        tokens.add(new byte[] {(byte) 0xe4, (byte) 0xbd});
        var t = tokenizer(tokens);
        int[] ids = t.encode("你");
        assertArrayEquals(new int[] {256, 255 - 0xa0}, ids);
        assertEquals("你", t.decode(ids));
        assertEquals("\uFFFD", t.decode(new int[] {256}), "half a character alone is not text");
    }

    // --- special tokens --------------------------------------------------------------------

    @Test
    @DisplayName("keeps special tokens above the file's tokens, spelled on decoding and plain text on encoding")
    void specialTokens() throws IOException {
        var t = tokenizer(learn(CORPUS, 10));
        int base = 266;
        assertEquals(base + 2, t.special("<|im_end|>"));
        assertEquals(base + 21, t.special("<|media_pad|>"));
        assertEquals(base + 256, t.vocabSize());

        int[] ids = t.encode("<|im_end|>");
        assertTrue(Arrays.stream(ids).noneMatch(t::isSpecial), "a special token's spelling in text is text");
        assertEquals("<|im_end|>", t.decode(ids));

        int[] chat = {t.special("<|im_user|>"), byteRank('h'), byteRank('i'), t.special("<|im_end|>")};
        assertEquals("<|im_user|>hi<|im_end|>", t.decode(chat));
        assertEquals("<|reserved_token_" + (base + 5) + "|>", t.decode(new int[] {base + 5}));

        assertTrue(t.isSpecial(base));
        assertTrue(t.isSpecial(base + 5));
        assertFalse(t.isSpecial(base - 1));
        assertFalse(t.isSpecial(0));
        var e = assertThrows(IllegalArgumentException.class, () -> t.decode(new int[] {base + 256}));
        assertTrue(e.getMessage().contains(String.valueOf(base + 256)), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> t.special("<|no_such|>"));
    }

    // --- malformed files -------------------------------------------------------------------

    static Stream<Arguments> malformed() {
        String a = Base64.getEncoder().encodeToString("ab".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("not base64", List.of("@@@ 256"), "line 257", "not base64"),
                Arguments.of("no rank", List.of(a), "line 257", "no rank"),
                Arguments.of("three fields", List.of(a + " 256 x"), "line 257", "3 fields"),
                Arguments.of("rank not a number", List.of(a + " two"), "line 257", "'two' is not a whole number"),
                Arguments.of("negative rank", List.of(a + " -1"), "line 257", "negative"),
                Arguments.of("repeated rank", List.of(a + " 255"), "line 257", "rank 255 repeats line 1"),
                Arguments.of("gap in ranks", List.of(a + " 300"), "line 257", "ranks must run 0..256"),
                Arguments.of(
                        "repeated token",
                        List.of(a + " 256", a + " 257"),
                        "line 258",
                        "the token YWI= repeats line 257"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @DisplayName("rejects a malformed tiktoken.model naming the file and the line")
    void malformed(String what, List<String> extraLines, String line, String problem) throws IOException {
        Path file = write(dir.resolve(ModelFiles.TIKTOKEN), singleBytes());
        Files.write(file, extraLines, StandardOpenOption.APPEND);
        var e = assertThrows(ModelFileException.class, () -> TiktokenTokenizer.read(file, kimiSpecials(1000), 2000));
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": " + line + ": ") && m.contains(problem), m);
        assertEquals(1, m.lines().count(), m);
    }

    @Test
    @DisplayName(
            "rejects a vocabulary without every single byte, or clashing with the special tokens or the vocabulary size")
    void inconsistent() throws IOException {
        List<byte[]> noA = singleBytes();
        noA.remove(byteRank('A'));
        noA.add(byteRank('A'), "AB".getBytes(StandardCharsets.UTF_8)); // keeps ranks 0..255 but drops byte 0x41
        Path file = write(dir.resolve(ModelFiles.TIKTOKEN), noA);
        var e = assertThrows(ModelFileException.class, () -> TiktokenTokenizer.read(file, kimiSpecials(256), 600));
        assertTrue(e.getMessage().contains("0x41"), e::getMessage);

        write(file, withTokens("ab", "cd"));
        e = assertThrows(ModelFileException.class, () -> TiktokenTokenizer.read(file, kimiSpecials(257), 600));
        assertTrue(e.getMessage().contains("258 tokens") && e.getMessage().contains("[BOS] has id 257"), e::getMessage);
        e = assertThrows(ModelFileException.class, () -> TiktokenTokenizer.read(file, kimiSpecials(258), 200));
        assertTrue(e.getMessage().contains("more than text_config.vocab_size 200"), e::getMessage);

        Files.writeString(file, "\n\n");
        e = assertThrows(ModelFileException.class, () -> TiktokenTokenizer.read(file, kimiSpecials(258), 600));
        assertTrue(e.getMessage().contains("has no tokens"), e::getMessage);
    }
}
