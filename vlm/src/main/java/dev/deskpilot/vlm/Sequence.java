package dev.deskpilot.vlm;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.deskpilot.vlm.onnx.DecoderGraph;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One token sequence being processed by an {@link OnnxModel}: the KV cache of everything appended
 * so far, kept as ONNX Runtime tensors between calls (each call's present cache becomes the next
 * call's past without a copy into Java). Append a whole prompt at once (prefill) or one token at a
 * time (decode). Not thread-safe; close it to free the cache.
 */
public final class Sequence implements AutoCloseable {
    private final OnnxModel model;
    private final int layers;
    private final List<OnnxTensor> emptyPast = new ArrayList<>();
    private OrtSession.Result last; // holds the present tensors used as the next past
    private int length;
    private final List<float[]> pointerKeys = new ArrayList<>();
    private float[] pointerQuery = new float[0];

    Sequence(OnnxModel model) {
        this.model = model;
        TextConfig t = model.config().text();
        this.layers = t.numHiddenLayers();
        try {
            for (int l = 0; l < layers; l++) {
                emptyPast.add(OnnxTensor.createTensor(
                        model.env(), FloatBuffer.allocate(0), new long[] {1, 0, t.numAttentionHeads(), t.qkHeadDim()}));
                emptyPast.add(OnnxTensor.createTensor(
                        model.env(), FloatBuffer.allocate(0), new long[] {1, 0, t.numAttentionHeads(), t.vHeadDim()}));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create an empty KV cache: " + e.getMessage(), e);
        }
    }

    /** Positions held in the cache. */
    public int length() {
        return length;
    }

    /**
     * Appends tokens: image tokens replace the {@code <|media_pad|>} ids in order, and
     * {@code ocrCells} (empty, or one per token: -1 or a cell of the init_pos_emb grid) adds the OCR
     * position embedding. Returns the logits after the last appended token.
     */
    public float[] append(int[] ids, float[][] imageTokens, int[] ocrCells) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("append needs at least one token");
        }
        int pads = 0;
        for (int id : ids) {
            if (id < 0 || id >= model.config().text().vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of "
                        + model.config().text().vocabSize());
            }
            if (id == model.config().mediaPlaceholderTokenId()) {
                pads++;
            }
        }
        if (pads != imageTokens.length) {
            throw new IllegalArgumentException(
                    imageTokens.length + " image tokens for " + pads + " <|media_pad|> placeholders");
        }
        if (ocrCells.length != 0 && ocrCells.length != ids.length) {
            throw new IllegalArgumentException(
                    "ocrCells must be empty or one per token: " + ocrCells.length + " for " + ids.length + " tokens");
        }
        long[] longIds = new long[ids.length];
        long[] cells = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longIds[i] = ids[i];
            cells[i] = ocrCells.length == 0 ? 0 : ocrCells[i] + 1;
        }
        return appendEmbeddings(model.embed(longIds, imageTokens, cells)[0]);
    }

    /** Appends tokens by their input embeddings [S][D]; returns the logits after the last. */
    public float[] appendEmbeddings(float[][] embeds) {
        int d = model.config().text().hiddenSize();
        float[] flat = new float[embeds.length * d];
        for (int s = 0; s < embeds.length; s++) {
            System.arraycopy(embeds[s], 0, flat, s * d, d);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        OnnxTensor x = null;
        try {
            x = OnnxTensor.createTensor(model.env(), FloatBuffer.wrap(flat), new long[] {1, embeds.length, d});
            inputs.put(DecoderGraph.INPUTS_EMBEDS, x);
            for (int l = 0; l < layers; l++) {
                inputs.put(DecoderGraph.pastKey(l), past(l, true));
                inputs.put(DecoderGraph.pastValue(l), past(l, false));
            }
            OrtSession.Result result = model.decoder().run(inputs);
            if (last != null) {
                last.close();
            }
            last = result;
            length += embeds.length;
            float[] logits =
                    ((float[][]) result.get(DecoderGraph.LOGITS).orElseThrow().getValue())[0];
            var query = result.get(DecoderGraph.POINTER_QUERY);
            if (query.isPresent()) {
                pointerQuery = ((float[][]) query.get().getValue())[0];
                for (float[] k : ((float[][][]) result.get(DecoderGraph.POINTER_KEYS)
                                .orElseThrow()
                                .getValue())
                        [0]) {
                    pointerKeys.add(k);
                }
            }
            return logits;
        } catch (OrtException e) {
            throw new IllegalStateException("decoder.onnx failed: " + OnnxModel.firstLine(e.getMessage()), e);
        } finally {
            if (x != null) {
                x.close();
            }
        }
    }

    private OnnxTensor past(int l, boolean key) {
        if (last == null) {
            return emptyPast.get(2 * l + (key ? 0 : 1));
        }
        String name = key ? DecoderGraph.presentKey(l) : DecoderGraph.presentValue(l);
        return (OnnxTensor)
                last.get(name).orElseThrow(() -> new IllegalStateException("decoder.onnx has no output " + name));
    }

    /** Layer {@code l}'s cached keys [positions][heads * qk_head_dim], copied out (for tests and tools). */
    public float[][] keys(int l) {
        return cache(l, true);
    }

    /** Layer {@code l}'s cached values [positions][heads * v_head_dim], copied out. */
    public float[][] values(int l) {
        return cache(l, false);
    }

    private float[][] cache(int l, boolean key) {
        try {
            float[][][] perHead = ((float[][][][]) past(l, key).getValue())[0];
            float[][] out = new float[perHead.length][];
            for (int p = 0; p < perHead.length; p++) {
                int dim = perHead[p][0].length;
                out[p] = new float[perHead[p].length * dim];
                for (int h = 0; h < perHead[p].length; h++) {
                    System.arraycopy(perHead[p][h], 0, out[p], h * dim, dim);
                }
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pointer head's query at the last position (empty without a pointer head). */
    public float[] pointerQuery() {
        return pointerQuery.clone();
    }

    /** The pointer head's key of position {@code i}. */
    public float[] pointerKey(int i) {
        return pointerKeys.get(i).clone();
    }

    @Override
    public void close() {
        if (last != null) {
            last.close();
            last = null;
        }
        emptyPast.forEach(OnnxTensor::close);
    }
}
