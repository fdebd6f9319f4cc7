package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The MoonViT vision tower: a native-resolution ViT over 14x14 patches with a learned absolute
 * position embedding (interpolated to each image's grid) and 2D RoPE, followed by the 2x2 patch
 * merger. JSON names are those of Kimi-VL's {@code vision_config}; the preprocessing fields at the
 * end come from its {@code preprocessor_config.json}.
 *
 * @param patchSize side of a square patch in pixels (14)
 * @param hiddenSize width of the tower (1152)
 * @param intermediateSize width of the GELU-tanh MLP (4304)
 * @param numHiddenLayers encoder blocks (27)
 * @param numAttentionHeads attention heads; the head size must be divisible by 4 for 2D RoPE
 * @param initPosEmbHeight rows of the learned position-embedding grid (64)
 * @param initPosEmbWidth columns of the learned position-embedding grid (64)
 * @param mergeKernelSize the patch merger's kernel, rows then columns ([2, 2])
 * @param ropeTheta base of the 2D rotary frequencies (10000)
 * @param layerNormEps epsilon of every LayerNorm in the tower and the projector (1e-5)
 * @param imageMean per-channel mean subtracted after scaling pixels to [0, 1]
 * @param imageStd per-channel standard deviation divided by after subtracting the mean
 * @param inTokenLimit the most patches an image may have before it is scaled down (4096)
 */
public record VisionConfig(
        @JsonProperty("patch_size") int patchSize,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("intermediate_size") int intermediateSize,
        @JsonProperty("num_hidden_layers") int numHiddenLayers,
        @JsonProperty("num_attention_heads") int numAttentionHeads,
        @JsonProperty("init_pos_emb_height") int initPosEmbHeight,
        @JsonProperty("init_pos_emb_width") int initPosEmbWidth,
        @JsonProperty("merge_kernel_size") List<Integer> mergeKernelSize,
        @JsonProperty("rope_theta") double ropeTheta,
        @JsonProperty("layer_norm_eps") double layerNormEps,
        @JsonProperty("image_mean") List<Double> imageMean,
        @JsonProperty("image_std") List<Double> imageStd,
        @JsonProperty("in_token_limit") int inTokenLimit) {

    public VisionConfig {
        ConfigChecks.positive("vision_config.patch_size", patchSize);
        ConfigChecks.positive("vision_config.hidden_size", hiddenSize);
        ConfigChecks.positive("vision_config.intermediate_size", intermediateSize);
        ConfigChecks.positive("vision_config.num_hidden_layers", numHiddenLayers);
        ConfigChecks.positive("vision_config.num_attention_heads", numAttentionHeads);
        ConfigChecks.positive("vision_config.init_pos_emb_height", initPosEmbHeight);
        ConfigChecks.positive("vision_config.init_pos_emb_width", initPosEmbWidth);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("vision_config.hidden_size (" + hiddenSize
                    + ") must be divisible by num_attention_heads (" + numAttentionHeads + ")");
        }
        if ((hiddenSize / numAttentionHeads) % 4 != 0) {
            throw new IllegalArgumentException("vision_config head size (" + hiddenSize / numAttentionHeads
                    + ") must be divisible by 4: 2D RoPE rotates width and height pairs in turn");
        }
        Objects.requireNonNull(mergeKernelSize, "vision_config.merge_kernel_size");
        if (mergeKernelSize.size() != 2 || mergeKernelSize.get(0) < 1 || mergeKernelSize.get(1) < 1) {
            throw new IllegalArgumentException(
                    "vision_config.merge_kernel_size must be two positive numbers, was " + mergeKernelSize);
        }
        mergeKernelSize = List.copyOf(mergeKernelSize);
        if (!(ropeTheta > 1)) {
            throw new IllegalArgumentException("vision_config.rope_theta must be > 1, was " + ropeTheta);
        }
        ConfigChecks.positive("vision_config.layer_norm_eps", layerNormEps);
        imageMean = ConfigChecks.threeChannels("vision_config.image_mean", imageMean);
        imageStd = ConfigChecks.threeChannels("vision_config.image_std", imageStd);
        for (double s : imageStd) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("vision_config.image_std must be positive, was " + imageStd);
            }
        }
        ConfigChecks.positive("vision_config.in_token_limit", inTokenLimit);
    }

    /** Size of one attention head. */
    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Rows merged into one image token. */
    public int mergeHeight() {
        return mergeKernelSize.get(0);
    }

    /** Columns merged into one image token. */
    public int mergeWidth() {
        return mergeKernelSize.get(1);
    }

    /** Values in one flattened patch: 3 channels of patchSize x patchSize pixels. */
    public int patchValues() {
        return 3 * patchSize * patchSize;
    }

    /** Width of a merged image token before the projector: the merged patches side by side. */
    public int mergedDim() {
        return hiddenSize * mergeHeight() * mergeWidth();
    }
}
