package dev.deskpilot.vlm;

import dev.deskpilot.actions.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Prefill, then token-by-token decoding with the KV cache: greedy or sampled (temperature, top-p),
 * stop tokens, a {@link LogitsProcessor} hook, and pointing.
 *
 * <p>Pointing: when the model emits {@code <|loc|>}, the pointer head scores the prompt's targets
 * (image tokens and OCR words) by query-key dot product and the best is fed back as that target's
 * own input embedding; then the model picks an offset token {@code <|off_k|>}. The text shows the
 * resulting pixel point as {@code (x,y)}.
 */
public final class Generator {
    private final OnnxModel model;
    private final Tokenizer tokenizer;

    public Generator(OnnxModel model, Tokenizer tokenizer) {
        this.model = Objects.requireNonNull(model, "model");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public Generation generate(PromptBuilder.Input prompt, SamplingSettings settings, LogitsProcessor processor) {
        ModelConfig config = model.config();
        long start = System.nanoTime();
        List<float[]> imageTokens = new ArrayList<>();
        for (ImagePatches image : prompt.images()) {
            imageTokens.addAll(Arrays.asList(model.encodeImage(image)));
        }
        long[] ids = Arrays.stream(prompt.ids()).asLongStream().toArray();
        long[] cells = Arrays.stream(prompt.ocrCells()).mapToLong(c -> c + 1L).toArray();
        float[][] embeds = model.embed(ids, imageTokens.toArray(new float[0][]), cells)[0];
        var random = new SplittableRandom(settings.seed());
        GroundingConfig grounding = config.grounding();
        int loc = grounding.pointer() ? config.tokenizer().id("<|loc|>") : -1;
        int maxPositions = config.text().maxPositionEmbeddings();

        try (Sequence seq = model.newSequence()) {
            float[] logits = seq.appendEmbeddings(embeds);
            long prefillEnd = System.nanoTime();
            List<Integer> generated = new ArrayList<>();
            List<Point> points = new ArrayList<>();
            var text = new StringBuilder();
            List<Integer> pendingText = new ArrayList<>();
            Generation.Stop stop = Generation.Stop.MAX_TOKENS;
            while (generated.size() < settings.maxNewTokens()) {
                if (seq.length() >= maxPositions) {
                    stop = Generation.Stop.CONTEXT_FULL;
                    break;
                }
                // Placeholders only ever stand for image tokens the prompt supplies.
                logits[config.mediaPlaceholderTokenId()] = Float.NEGATIVE_INFINITY;
                processor.process(toArray(generated), logits);
                int next = choose(logits, settings, random);
                if (settings.stopTokens().contains(next)) {
                    stop = Generation.Stop.STOP_TOKEN;
                    break;
                }
                generated.add(next);
                if (next == loc && !prompt.targets().isEmpty() && seq.length() + 3 <= maxPositions) {
                    seq.append(new int[] {next}, new float[0][], new int[0]);
                    Target target = bestTarget(seq, prompt.targets());
                    float[] offsetLogits = seq.appendEmbeddings(new float[][] {embeds[target.position()]});
                    int k = bestOffset(offsetLogits, grounding.pointOffsetGrid());
                    int offsetId = config.tokenizer().id(ModelConfig.offsetToken(k));
                    generated.add(offsetId);
                    Point p = target.point(k, grounding.pointOffsetGrid());
                    points.add(p);
                    text.append(tokenizer.decode(toArray(pendingText)));
                    pendingText.clear();
                    text.append('(').append(p.x()).append(',').append(p.y()).append(')');
                    logits = seq.append(new int[] {offsetId}, new float[0][], new int[0]);
                } else {
                    pendingText.add(next);
                    logits = seq.append(new int[] {next}, new float[0][], new int[0]);
                }
            }
            text.append(tokenizer.decode(toArray(pendingText)));
            long end = System.nanoTime();
            return new Generation(
                    text.toString(),
                    toArray(generated),
                    points,
                    stop,
                    prompt.ids().length,
                    Duration.ofNanos(prefillEnd - start),
                    Duration.ofNanos(end - prefillEnd));
        }
    }

    /** The target whose pointer key best matches the query at the last position. */
    private static Target bestTarget(Sequence seq, List<Target> targets) {
        float[] q = seq.pointerQuery();
        Target best = targets.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Target t : targets) {
            float[] k = seq.pointerKey(t.position());
            double s = 0;
            for (int i = 0; i < q.length; i++) {
                s += (double) q[i] * k[i];
            }
            if (s > bestScore) {
                bestScore = s;
                best = t;
            }
        }
        return best;
    }

    private int bestOffset(float[] logits, int grid) {
        int best = 0;
        float bestLogit = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < grid * grid; k++) {
            float l = logits[model.config().tokenizer().id(ModelConfig.offsetToken(k))];
            if (l > bestLogit) {
                bestLogit = l;
                best = k;
            }
        }
        return best;
    }

    /** Greedy argmax, or a temperature / top-p sample. */
    static int choose(float[] logits, SamplingSettings s, SplittableRandom random) {
        if (s.temperature() == 0) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((logits[i] - max) / s.temperature());
            sum += p[i];
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            p[i] /= sum;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        // Keep the smallest prefix whose mass reaches top_p, then sample within it.
        double kept = 0;
        int n = 0;
        while (n < order.length && (n == 0 || kept < s.topP())) {
            kept += p[order[n++]];
        }
        double u = random.nextDouble() * kept;
        for (int i = 0; i < n; i++) {
            u -= p[order[i]];
            if (u <= 0) {
                return order[i];
            }
        }
        return order[n - 1];
    }

    private static int[] toArray(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }
}
