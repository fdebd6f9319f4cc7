package dev.deskpilot.vlm.weights;

/** The safetensors element types deskpilot reads; it writes F32 and BF16. */
public enum DType {
    F32(4),
    F16(2),
    BF16(2);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type for a safetensors dtype string, or empty if deskpilot cannot read it as floats. */
    static java.util.Optional<DType> parse(String name) {
        for (DType t : values()) {
            if (t.name().equals(name)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
