package dev.deskpilot.vlm.onnx;

import ai.onnx.proto.OnnxMl;
import dev.deskpilot.vlm.ModelConfig;
import dev.deskpilot.vlm.weights.ModelWeights;
import dev.deskpilot.vlm.weights.Names;
import java.util.Map;

/**
 * {@code embedding.onnx}: token ids to input embeddings, with the image tokens written in order at
 * the {@code <|media_pad|>} positions and, when the config has the OCR stream, each OCR token's
 * position embedding added.
 *
 * <p>Inputs {@code input_ids [1, S]} int64, {@code image_features [image_tokens, D]} (zero rows
 * when there is no image) and, with the OCR stream, {@code ocr_cells [1, S]} int64: 0 for an
 * ordinary token, 1 + the row-major cell of the init_pos_emb grid for an OCR token. Output
 * {@code inputs_embeds [1, S, D]}.
 */
public final class EmbeddingGraph {
    public static final String INPUT_IDS = "input_ids";
    public static final String IMAGE_FEATURES = "image_features";
    public static final String OCR_CELLS = "ocr_cells";
    public static final String INPUTS_EMBEDS = "inputs_embeds";

    private EmbeddingGraph() {}

    public static OnnxMl.ModelProto build(ModelWeights w) {
        ModelConfig c = w.config();
        int d = c.text().hiddenSize();
        Graph g = new Graph("embedding");
        String ids = g.input(INPUT_IDS, Graph.INT64, 1L, "sequence");
        String image = g.input(IMAGE_FEATURES, Graph.FLOAT, "image_tokens", (long) d);
        String text = g.op("Gather", Map.of("axis", 0), g.weight(Names.EMBED_TOKENS, w.get(Names.EMBED_TOKENS)), ids);

        // Row i of image_features goes to the i-th placeholder: index = (running count of placeholders) - 1.
        String isImage = g.op("Equal", ids, g.scalarLong("media_pad", c.mediaPlaceholderTokenId()));
        String count = g.op("CumSum", g.op("Cast", Map.of("to", Graph.INT64), isImage), g.scalarLong("axis", 1));
        String index = g.op("Sub", count, g.scalarLong("one", 1));
        // A zero row after the image tokens keeps Gather in range when there are none (index -1 picks it).
        String padded = g.concat(0, image, g.weight("no_image_row", new float[d], 1, d));
        String fromImage = g.op("Gather", Map.of("axis", 0), padded, index);
        String x = g.op("Where", g.unsqueeze(isImage, -1), fromImage, text);

        if (c.grounding().ocrStream()) {
            String cells = g.input(OCR_CELLS, Graph.INT64, 1L, "sequence");
            // Row 0 is zeros (not an OCR token); row 1 + cell is the cell's learned embedding.
            float[] table = w.get(Names.OCR_POS_EMB).data();
            float[] withNone = new float[table.length + d];
            System.arraycopy(table, 0, withNone, d, table.length);
            String pos = g.op(
                    "Gather", Map.of("axis", 0), g.weight(Names.OCR_POS_EMB, withNone, withNone.length / d, d), cells);
            x = g.add(x, pos);
        }
        g.rename(x, INPUTS_EMBEDS);
        g.output(INPUTS_EMBEDS, Graph.FLOAT, 1L, "sequence", (long) d);
        return g.model("deskpilot embedding for config " + c.name());
    }
}
