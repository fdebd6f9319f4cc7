package dev.deskpilot.vlm.weights;

import dev.deskpilot.vlm.ModelConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random weights for a config: matrices and embeddings N(0, std) (HF's initializer_range
 * is 0.02), norm scales near one, biases near zero. The small jitter on norms and biases costs a
 * trainer nothing and makes parity tests exercise every parameter.
 */
public final class RandomInit {
    private RandomInit() {}

    /** Weights for {@code config} from {@code seed}; the same seed gives the same weights. */
    public static ModelWeights weights(ModelConfig config, long seed, double std) {
        var layout = ParameterLayout.of(config);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var p : layout.params()) {
            // One stream per tensor, derived from its name, so adding a tensor leaves the others unchanged.
            var random = new SplittableRandom(seed ^ (p.name().hashCode() * 0x9E3779B97F4A7C15L));
            float[] data = new float[Math.toIntExact(p.elements())];
            for (int i = 0; i < data.length; i++) {
                double g = random.nextGaussian();
                data[i] = (float)
                        switch (p.role()) {
                            case MATRIX, EMBEDDING -> std * g;
                            case NORM_WEIGHT -> 1 + 0.1 * g;
                            case BIAS -> 0.02 * g;
                            case ROUTER_BIAS -> 0.1 * g;
                        };
            }
            out.put(p.name(), new Tensor(p.shape(), data));
        }
        return ModelWeights.of(config, out, Path.of("<random init seed " + seed + ">"));
    }
}
