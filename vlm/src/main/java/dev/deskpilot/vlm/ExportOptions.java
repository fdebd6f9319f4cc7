package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How the ONNX graphs are built from the weights.
 *
 * @param ops {@link Ops#CONTRIB} uses ONNX Runtime's fused com.microsoft ops where they pay on CPU;
 *     {@link Ops#STANDARD} uses only ai.onnx ops (slower; kept as the plain baseline)
 * @param quantize {@link Quantization#INT4} stores the big matrices as 4-bit blocks
 *     (MatMulNBits and QMoE; needs {@code CONTRIB})
 * @param blockSize values per quantisation block (16, 32, 64 or 128)
 * @param accuracyLevel MatMulNBits accuracy_level: 0 computes in float32; 4 quantises activations
 *     to int8, about 3x faster for decoding at errors near 1e-2
 */
public record ExportOptions(
        @JsonProperty("ops") Ops ops,
        @JsonProperty("quantize") Quantization quantize,
        @JsonProperty("block_size") int blockSize,
        @JsonProperty("accuracy_level") int accuracyLevel) {

    /** Which op set the graphs use. */
    public enum Ops {
        STANDARD,
        CONTRIB
    }

    /** Weight storage of the large matrices. */
    public enum Quantization {
        NONE,
        INT4
    }

    /** Fused ops, float32 weights. */
    public static final ExportOptions DEFAULT = new ExportOptions(Ops.CONTRIB, Quantization.NONE, 32, 4);

    public ExportOptions {
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(quantize, "quantize");
        if (blockSize != 16 && blockSize != 32 && blockSize != 64 && blockSize != 128) {
            throw new IllegalArgumentException("block_size must be 16, 32, 64 or 128, was " + blockSize);
        }
        if (accuracyLevel != 0 && accuracyLevel != 1 && accuracyLevel != 4) {
            throw new IllegalArgumentException("accuracy_level must be 0, 1 or 4, was " + accuracyLevel);
        }
        if (quantize == Quantization.INT4 && ops != Ops.CONTRIB) {
            throw new IllegalArgumentException("int4 quantisation needs the contrib ops (MatMulNBits, QMoE)");
        }
    }

    /** The same options with 4-bit weights. */
    public ExportOptions int4() {
        return new ExportOptions(Ops.CONTRIB, Quantization.INT4, blockSize, accuracyLevel);
    }

    /** The same options with another op set. */
    public ExportOptions withOps(Ops newOps) {
        return new ExportOptions(newOps, quantize, blockSize, accuracyLevel);
    }

    /** The same options with another MatMulNBits accuracy level. */
    public ExportOptions withAccuracyLevel(int level) {
        return new ExportOptions(ops, quantize, blockSize, level);
    }
}
