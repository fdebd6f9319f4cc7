package dev.deskpilot.vlm.weights;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float32 tensor in row-major order: the unit the reference forward, the safetensors files
 * and the ONNX builder exchange.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    public Tensor(int[] shape, float[] data) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long n = elements(shape);
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "tensor of shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(shape, new float[Math.toIntExact(elements(shape))]);
    }

    /** Number of values a shape holds; throws on a negative dimension. */
    public static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        return n;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int i) {
        return shape[i];
    }

    public int rank() {
        return shape.length;
    }

    /** The values, shared, not copied: the tensor is a view over this array. */
    public float[] data() {
        return data;
    }

    public int size() {
        return data.length;
    }

    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** The same values under another shape with the same number of elements. */
    public Tensor reshape(int... newShape) {
        return new Tensor(newShape, data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
