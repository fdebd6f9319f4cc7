package dev.deskpilot.vlm;

/**
 * A hook that sees the logits before each token is chosen and may change them in place, e.g. set
 * tokens the action grammar forbids to negative infinity.
 */
@FunctionalInterface
public interface LogitsProcessor {
    /** Leaves the logits as they are. */
    LogitsProcessor NONE = (generated, logits) -> {};

    /**
     * @param generated the vocabulary ids generated so far (pointer targets are not ids and are left out)
     * @param logits one value per vocabulary id, to adjust in place
     */
    void process(int[] generated, float[] logits);
}
