package dev.deskpilot.vlm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskpilot.vlm.onnx.OnnxExport;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.ParameterLayout;
import dev.deskpilot.vlm.weights.SafetensorsFile;
import dev.deskpilot.vlm.weights.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code deskpilot model convert --from-hf DIR --out DIR}: a Hugging Face Kimi-VL checkpoint
 * directory ({@code config.json}, one or more {@code *.safetensors} shards in F32, BF16 or F16,
 * optionally {@code preprocessor_config.json}, {@code tokenizer_config.json} and
 * {@code tiktoken.model}) to a deskpilot model directory. Tensor names are Kimi-VL's own on both
 * sides, so conversion is checking every tensor against the config, widening to float32 and
 * building the graphs. The vocabulary file is checked and copied as it is.
 */
public final class Converter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a conversion produced. */
    public record Result(ModelConfig config, int tensors, long parameters, Path outDir) {}

    private Converter() {}

    public static Result convert(Path hfDir, Path outDir, ExportOptions options) throws IOException {
        ModelConfig config = readConfig(hfDir);
        Path vocabulary = ModelFiles.tiktoken(hfDir);
        boolean hasVocabulary = Files.exists(vocabulary);
        if (hasVocabulary) {
            // Read it now, so a broken vocabulary fails before the slow part.
            TiktokenTokenizer.read(vocabulary, config.tokenizer(), config.text().vocabSize());
        }
        var layout = ParameterLayout.of(config);
        List<Path> shards;
        try (Stream<Path> files = Files.list(hfDir)) {
            shards = files.filter(f -> f.getFileName().toString().endsWith(".safetensors"))
                    .sorted()
                    .toList();
        }
        if (shards.isEmpty()) {
            throw new ModelFileException(hfDir, "has no *.safetensors files");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, Path> origin = new LinkedHashMap<>();
        for (Path shard : shards) {
            try (var in = SafetensorsFile.open(shard)) {
                for (String name : in.names()) {
                    if (name.endsWith("rotary_emb.inv_freq")) {
                        continue; // a recomputed buffer some exports include
                    }
                    var p = layout.param(name)
                            .orElseThrow(() -> new ModelFileException(
                                    shard,
                                    "does not match " + hfDir.resolve("config.json") + ": unexpected tensor " + name));
                    if (!java.util.Arrays.equals(p.shape(), in.entry(name).shape())) {
                        throw new ModelFileException(
                                shard,
                                "does not match " + hfDir.resolve("config.json") + ": tensor "
                                        + name + " has shape "
                                        + java.util.Arrays.toString(
                                                in.entry(name).shape())
                                        + ", the config implies " + java.util.Arrays.toString(p.shape()));
                    }
                    if (origin.containsKey(name)) {
                        throw new ModelFileException(
                                shard, "repeats tensor " + name + " already in " + origin.get(name));
                    }
                    tensors.put(name, in.read(name));
                    origin.put(name, shard);
                }
            }
        }
        ModelWeights weights = ModelWeights.of(config, tensors, hfDir);
        Files.createDirectories(outDir);
        weights.write(ModelFiles.weights(outDir));
        OnnxExport.export(weights, options, outDir);
        if (hasVocabulary) {
            Files.copy(vocabulary, ModelFiles.tiktoken(outDir), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Result(config, tensors.size(), layout.totalParameters(), outDir);
    }

    /**
     * Kimi-VL's {@code config.json} as a {@link ModelConfig}: {@code vision_config} and
     * {@code text_config} bind to the same records deskpilot's own config uses; fields Kimi-VL
     * hard-codes (MoonViT's RoPE base, LayerNorm epsilon) and the preprocessing come from defaults
     * or {@code preprocessor_config.json}.
     */
    public static ModelConfig readConfig(Path hfDir) throws IOException {
        Path file = hfDir.resolve("config.json");
        JsonNode hf = readJson(file);
        if (!hf.path("text_config").path("q_lora_rank").isNull()
                && !hf.path("text_config").path("q_lora_rank").isMissingNode()) {
            throw new ModelFileException(
                    file,
                    "text_config.q_lora_rank is " + hf.path("text_config").path("q_lora_rank")
                            + "; deskpilot builds Kimi-VL's direct q_proj (q_lora_rank null)");
        }
        ObjectNode vision = ((ObjectNode) hf.path("vision_config")).deepCopy();
        vision.putIfAbsent("rope_theta", JSON.getNodeFactory().numberNode(10000.0));
        vision.putIfAbsent("layer_norm_eps", JSON.getNodeFactory().numberNode(1e-5));
        JsonNode pre = Files.exists(hfDir.resolve("preprocessor_config.json"))
                ? readJson(hfDir.resolve("preprocessor_config.json"))
                : JSON.createObjectNode();
        vision.set(
                "image_mean", pre.has("image_mean") ? pre.get("image_mean") : JSON.valueToTree(List.of(0.5, 0.5, 0.5)));
        vision.set("image_std", pre.has("image_std") ? pre.get("image_std") : JSON.valueToTree(List.of(0.5, 0.5, 0.5)));
        vision.set(
                "in_token_limit",
                JSON.getNodeFactory().numberNode(pre.path("in_token_limit").asInt(4096)));

        ObjectNode text = ((ObjectNode) hf.path("text_config")).deepCopy();
        ObjectNode out = JSON.createObjectNode();
        out.put("name", hfDir.getFileName().toString());
        out.set(
                "vision_config",
                pick(
                        vision,
                        "patch_size",
                        "hidden_size",
                        "intermediate_size",
                        "num_hidden_layers",
                        "num_attention_heads",
                        "init_pos_emb_height",
                        "init_pos_emb_width",
                        "merge_kernel_size",
                        "rope_theta",
                        "layer_norm_eps",
                        "image_mean",
                        "image_std",
                        "in_token_limit"));
        out.set(
                "text_config",
                pick(
                        text,
                        "vocab_size",
                        "hidden_size",
                        "num_hidden_layers",
                        "intermediate_size",
                        "moe_intermediate_size",
                        "num_attention_heads",
                        "num_key_value_heads",
                        "kv_lora_rank",
                        "qk_nope_head_dim",
                        "qk_rope_head_dim",
                        "v_head_dim",
                        "n_routed_experts",
                        "num_experts_per_tok",
                        "n_shared_experts",
                        "first_k_dense_replace",
                        "moe_layer_freq",
                        "n_group",
                        "topk_group",
                        "scoring_func",
                        "topk_method",
                        "norm_topk_prob",
                        "routed_scaling_factor",
                        "rms_norm_eps",
                        "rope_theta",
                        "max_position_embeddings",
                        "hidden_act",
                        "tie_word_embeddings"));
        out.set("media_placeholder_token_id", hf.path("media_placeholder_token_id"));
        out.set(
                "tokenizer",
                JSON.valueToTree(tokenizer(hfDir, text.path("vocab_size").asInt())));
        out.set("grounding", JSON.valueToTree(GroundingConfig.NONE)); // a real Kimi-VL has no OCR stream or pointer
        try {
            return ModelConfig.parse(JSON.writeValueAsString(out), "");
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    private static ObjectNode pick(ObjectNode from, String... fields) {
        ObjectNode o = JSON.createObjectNode();
        for (String f : fields) {
            if (from.has(f)) {
                o.set(f, from.get(f));
            }
        }
        return o;
    }

    /** Special tokens from tokenizer_config.json's added_tokens_decoder, else Kimi-VL's real ids. */
    private static TokenizerConfig tokenizer(Path hfDir, int vocab) throws IOException {
        String kind = Files.exists(ModelFiles.tiktoken(hfDir)) ? "tiktoken" : (vocab <= 1024 ? "byte" : "tiktoken");
        Path tc = hfDir.resolve("tokenizer_config.json");
        if (Files.exists(tc)) {
            Map<String, Integer> specials = new LinkedHashMap<>();
            readJson(tc)
                    .path("added_tokens_decoder")
                    .fields()
                    .forEachRemaining(
                            e -> specials.put(e.getValue().path("content").asText(), Integer.parseInt(e.getKey())));
            return new TokenizerConfig(kind, specials);
        }
        return ModelConfig.bundled("kimi-vl-a3b").tokenizer();
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ModelFileException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Names of the tensors a config implies that a set of names lacks (for messages and tests). */
    static List<String> missing(ModelConfig config, java.util.Set<String> names) {
        List<String> out = new ArrayList<>();
        for (var p : ParameterLayout.of(config).params()) {
            if (!names.contains(p.name())) {
                out.add(p.name());
            }
        }
        return out;
    }
}
