package dev.deskpilot.vlm;

import java.util.Set;

/**
 * How tokens are chosen.
 *
 * @param temperature 0 for greedy decoding, otherwise the softmax temperature
 * @param topP nucleus sampling: sample among the most likely tokens whose probabilities sum to at
 *     least this (1 = all)
 * @param maxNewTokens the most tokens to generate
 * @param stopTokens ids that end generation (the stop token itself is not part of the text)
 * @param seed random seed for sampling
 */
public record SamplingSettings(double temperature, double topP, int maxNewTokens, Set<Integer> stopTokens, long seed) {
    public SamplingSettings {
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, was " + maxNewTokens);
        }
        stopTokens = Set.copyOf(stopTokens);
    }

    /** Greedy decoding up to {@code maxNewTokens}, stopping at {@code <|im_end|>}. */
    public static SamplingSettings greedy(ModelConfig config, int maxNewTokens) {
        return new SamplingSettings(
                0, 1, maxNewTokens, Set.of(config.tokenizer().id("<|im_end|>")), 0);
    }

    public SamplingSettings withTemperature(double t, double p, long newSeed) {
        return new SamplingSettings(t, p, maxNewTokens, stopTokens, newSeed);
    }
}
