package dev.deskpilot.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.Word;
import java.util.List;

/**
 * Text read on a screenshot as JSON, one schema wherever the CLI writes it ({@code ocr --json},
 * {@code synth --ocr}; docs/ocr.md): lines in reading order, each with its text, box, confidence and
 * words.
 */
final class OcrJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OcrJson() {}

    /** {@code [{text, box: {x, y, width, height}, confidence, words: [{text, box, confidence}]}]}. */
    static ArrayNode lines(List<TextLine> lines) {
        ArrayNode out = NODES.arrayNode();
        for (TextLine line : lines) {
            ObjectNode entry = entry(line.text(), line.box(), line.confidence());
            ArrayNode words = entry.putArray("words");
            for (Word word : line.words()) {
                words.add(entry(word.text(), word.box(), word.confidence()));
            }
            out.add(entry);
        }
        return out;
    }

    /** The whole {@code ocr --json} document: the image's size and its lines. */
    static ObjectNode document(int width, int height, List<TextLine> lines) {
        ObjectNode document = NODES.objectNode();
        document.put("width", width);
        document.put("height", height);
        document.set("lines", lines(lines));
        return document;
    }

    private static ObjectNode entry(String text, Rect box, double confidence) {
        ObjectNode entry = NODES.objectNode();
        entry.put("text", text);
        entry.putObject("box")
                .put("x", box.x())
                .put("y", box.y())
                .put("width", box.width())
                .put("height", box.height());
        // Three decimals: the recogniser's probabilities carry no more meaning than that.
        entry.put("confidence", Math.round(confidence * 1000) / 1000.0);
        return entry;
    }
}
