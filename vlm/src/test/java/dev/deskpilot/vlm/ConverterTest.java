package dev.deskpilot.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.vlm.reference.ReferenceModel;
import dev.deskpilot.vlm.weights.DType;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.Names;
import dev.deskpilot.vlm.weights.RandomInit;
import dev.deskpilot.vlm.weights.Safetensors;
import dev.deskpilot.vlm.weights.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Converting a Hugging Face Kimi-VL checkpoint")
class ConverterTest {
    @TempDir
    Path hf;

    @TempDir
    Path out;

    static final ModelConfig TINY = ModelConfig.bundled("kimi-vl-tiny");

    /** A checkpoint laid out like moonshotai/Kimi-VL-A3B-Instruct, at kimi-vl-tiny's sizes, in two BF16 shards. */
    ModelWeights writeCheckpoint(String visionHidden) throws Exception {
        var t = TINY.text();
        var v = TINY.vision();
        String config = """
                {
                  "architectures": ["KimiVLForConditionalGeneration"],
                  "model_type": "kimi_vl",
                  "ignore_index": -100,
                  "media_placeholder_token_id": %d,
                  "pad_token_id": 0,
                  "vision_config": {
                    "model_type": "moonvit", "patch_size": 14, "init_pos_emb_height": %d, "init_pos_emb_width": %d,
                    "num_attention_heads": %d, "num_hidden_layers": %d, "hidden_size": %s, "intermediate_size": %d,
                    "merge_kernel_size": [2, 2]
                  },
                  "text_config": {
                    "model_type": "deepseek_v3", "vocab_size": %d, "hidden_size": %d, "intermediate_size": %d,
                    "moe_intermediate_size": %d, "num_hidden_layers": %d, "num_attention_heads": %d, "num_key_value_heads": %d,
                    "n_shared_experts": %d, "n_routed_experts": %d, "routed_scaling_factor": 2.446, "kv_lora_rank": %d,
                    "q_lora_rank": null, "qk_rope_head_dim": %d, "v_head_dim": %d, "qk_nope_head_dim": %d,
                    "topk_method": "noaux_tc", "n_group": 1, "topk_group": 1, "num_experts_per_tok": %d, "moe_layer_freq": 1,
                    "first_k_dense_replace": 1, "norm_topk_prob": true, "scoring_func": "sigmoid", "aux_loss_alpha": 0.001,
                    "seq_aux": true, "hidden_act": "silu", "max_position_embeddings": %d, "initializer_range": 0.02,
                    "rms_norm_eps": 1e-05, "use_cache": true, "tie_word_embeddings": false, "rope_theta": 800000.0,
                    "rope_scaling": null, "attention_bias": false, "attention_dropout": 0.0, "bos_token_id": 256
                  }
                }
                """.formatted(
                        TINY.mediaPlaceholderTokenId(),
                        v.initPosEmbHeight(),
                        v.initPosEmbWidth(),
                        v.numAttentionHeads(),
                        v.numHiddenLayers(),
                        visionHidden,
                        v.intermediateSize(),
                        t.vocabSize(),
                        t.hiddenSize(),
                        t.intermediateSize(),
                        t.moeIntermediateSize(),
                        t.numHiddenLayers(),
                        t.numAttentionHeads(),
                        t.numKeyValueHeads(),
                        t.nSharedExperts(),
                        t.nRoutedExperts(),
                        t.kvLoraRank(),
                        t.qkRopeHeadDim(),
                        t.vHeadDim(),
                        t.qkNopeHeadDim(),
                        t.numExpertsPerTok(),
                        t.maxPositionEmbeddings());
        Files.writeString(hf.resolve("config.json"), config);
        var added = new StringBuilder("{\"added_tokens_decoder\": {");
        var specials = TINY.tokenizer().specialTokens();
        int i = 0;
        for (var e : specials.entrySet()) {
            added.append(i++ == 0 ? "" : ",")
                    .append("\"")
                    .append(e.getValue())
                    .append("\": {\"content\": \"")
                    .append(e.getKey())
                    .append("\", \"special\": true}");
        }
        Files.writeString(
                hf.resolve("tokenizer_config.json"), added.append("}}").toString());
        Files.writeString(
                hf.resolve("preprocessor_config.json"),
                "{\"image_mean\": [0.5, 0.5, 0.5], \"image_std\": [0.5, 0.5, 0.5], \"in_token_limit\": 4096, \"patch_size\": 14}");

        ModelWeights w = RandomInit.weights(TINY, 9, 0.05);
        Map<String, Tensor> vision = new LinkedHashMap<>();
        Map<String, Tensor> language = new LinkedHashMap<>();
        w.tensors()
                .forEach((name, tensor) -> (name.startsWith("language_model") ? language : vision).put(name, tensor));
        language.put("language_model.model.layers.0.self_attn.rotary_emb.inv_freq", Tensor.zeros(8));
        Safetensors.write(hf.resolve("model-00001-of-00002.safetensors"), vision, Map.of("format", "pt"), DType.BF16);
        Safetensors.write(hf.resolve("model-00002-of-00002.safetensors"), language, Map.of("format", "pt"), DType.BF16);
        return w;
    }

    @Test
    @DisplayName("a checkpoint with Kimi-VL's names converts to a model that runs like the reference of its weights")
    void converts() throws Exception {
        writeCheckpoint("64");
        var result = Converter.convert(hf, out, ExportOptions.DEFAULT);
        assertEquals(TINY.text(), result.config().text());
        assertEquals(TINY.vision(), result.config().vision());
        ModelWeights converted = ModelWeights.read(result.config(), out.resolve(ModelFiles.WEIGHTS));
        var reference = new ReferenceModel(converted);
        var image = ParityTest.randomImage(2, 4, 3);
        try (var model = OnnxModel.open(out, RuntimeOptions.CPU);
                var seq = model.newSequence()) {
            float[][] tokens = model.encodeImage(image);
            int[] ids = ParityTest.prompt(result.config(), tokens.length);
            float[] logits = seq.append(ids, tokens, new int[0]);
            float[][] ref = reference
                    .decoder(
                            reference.embed(ids, reference.encodeImage(image), new int[0]),
                            new ReferenceModel.KvCache())
                    .logits();
            ParityTest.assertClose(ref[ids.length - 1], logits, "converted model logits");
        }
        // BF16 storage: the converted weights are the checkpoint's rounded values.
        float[] embed = converted.get(Names.EMBED_TOKENS).data();
        assertEquals(embed[5], Float.intBitsToFloat(Float.floatToIntBits(embed[5]) & 0xffff0000), 0f);
    }

    @Test
    @DisplayName("a checkpoint's tiktoken.model is carried into the model directory, whose tokenizer reads it")
    void carriesVocabulary() throws Exception {
        writeCheckpoint("64");
        // kimi-vl-tiny's 288 ids: 256 bytes, 21 merges, then the 11 chat tokens at 277-287.
        var vocab = TiktokenTokenizerTest.learn(TiktokenTokenizerTest.CORPUS, 21);
        assertEquals(277, vocab.size());
        TiktokenTokenizerTest.write(hf.resolve(ModelFiles.TIKTOKEN), vocab);
        var added = new StringBuilder("{\"added_tokens_decoder\": {");
        for (int i = 0; i < TokenizerConfig.CHAT_TOKENS.size(); i++) {
            added.append(i == 0 ? "" : ",")
                    .append("\"")
                    .append(277 + i)
                    .append("\": {\"content\": \"")
                    .append(TokenizerConfig.CHAT_TOKENS.get(i))
                    .append("\", \"special\": true}");
        }
        Files.writeString(
                hf.resolve("tokenizer_config.json"), added.append("}}").toString());
        Files.writeString(
                hf.resolve("config.json"),
                Files.readString(hf.resolve("config.json"))
                        .replace("\"media_placeholder_token_id\": 267", "\"media_placeholder_token_id\": 287"));

        var result = Converter.convert(hf, out, ExportOptions.DEFAULT);
        assertEquals("tiktoken", result.config().tokenizer().kind());
        assertEquals(-1, Files.mismatch(hf.resolve(ModelFiles.TIKTOKEN), out.resolve(ModelFiles.TIKTOKEN)));
        ModelConfig config = Manifest.read(ModelFiles.manifest(out)).config();
        Tokenizer tokenizer = Tokenizers.forModel(out, config);
        assertEquals(279, tokenizer.special("<|im_end|>"));
        String text = "Click the Save button, then 点击取消按钮.";
        int[] ids = tokenizer.encode(text);
        assertEquals(text, tokenizer.decode(ids));
        assertTrue(
                Arrays.stream(ids).filter(id -> id >= 256).count() >= 5,
                "learned merges are used: " + Arrays.toString(ids));
    }

    @Test
    @DisplayName("a broken tiktoken.model fails naming its line before anything is written")
    void brokenVocabulary() throws Exception {
        writeCheckpoint("64");
        Path vocabulary =
                TiktokenTokenizerTest.write(hf.resolve(ModelFiles.TIKTOKEN), TiktokenTokenizerTest.singleBytes());
        Files.writeString(vocabulary, "YWI= 256\nYWI= 257\n", StandardOpenOption.APPEND);
        var e = assertThrows(ModelFileException.class, () -> Converter.convert(hf, out, ExportOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith(vocabulary + ": line 258: "), e::getMessage);
        assertTrue(Files.notExists(ModelFiles.manifest(out)));
    }

    @Test
    @DisplayName("a config that does not match the shards fails naming the shard and the tensor")
    void mismatch() throws Exception {
        writeCheckpoint("64");
        String config = Files.readString(hf.resolve("config.json"))
                .replace("\"intermediate_size\": 240", "\"intermediate_size\": 256");
        Files.writeString(hf.resolve("config.json"), config);
        var e = assertThrows(ModelFileException.class, () -> Converter.convert(hf, out, ExportOptions.DEFAULT));
        assertTrue(
                e.getMessage().contains("model-00001-of-00002.safetensors")
                        && e.getMessage().contains("mlp.fc0.weight"),
                e::getMessage);
    }

    @Test
    @DisplayName("a DeepSeek-V3 low-rank query is refused naming the field")
    void lowRankQuery() throws Exception {
        writeCheckpoint("64");
        Files.writeString(
                hf.resolve("config.json"),
                Files.readString(hf.resolve("config.json")).replace("\"q_lora_rank\": null", "\"q_lora_rank\": 1536"));
        var e = assertThrows(ModelFileException.class, () -> Converter.convert(hf, out, ExportOptions.DEFAULT));
        assertTrue(e.getMessage().contains("q_lora_rank"), e::getMessage);
    }
}
