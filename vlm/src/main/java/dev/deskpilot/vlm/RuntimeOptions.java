package dev.deskpilot.vlm;

import java.util.Objects;

/**
 * How ONNX Runtime runs the model.
 *
 * @param device where to run; CUDA and TensorRT fall back to the CPU with one logged line when the
 *     provider cannot load (no GPU, no CUDA runtime, or the CPU-only ONNX Runtime jar)
 * @param intraOpThreads threads one op may use; set explicitly because ORT's default (all cores)
 *     competes with everything else on a small machine
 */
public record RuntimeOptions(Device device, int intraOpThreads) {

    /** An execution provider. */
    public enum Device {
        CPU,
        CUDA,
        TENSORRT
    }

    /** CPU with two intra-op threads. */
    public static final RuntimeOptions CPU = new RuntimeOptions(Device.CPU, 2);

    public RuntimeOptions {
        Objects.requireNonNull(device, "device");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
    }

    public RuntimeOptions withThreads(int threads) {
        return new RuntimeOptions(device, threads);
    }
}
