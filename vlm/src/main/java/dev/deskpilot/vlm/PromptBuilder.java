package dev.deskpilot.vlm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a model input in Kimi-VL's chat template: each message is a role token, the role name,
 * {@code <|im_middle|>}, the content and {@code <|im_end|>}; an image is
 * {@code <|media_start|>image<|media_content|>} then one {@code <|media_pad|>} per image token then
 * {@code <|media_end|>}. With the OCR stream, an image's words follow it between
 * {@code <|ocr_start|>} and {@code <|ocr_end|>}, each word's tokens carrying the position of its
 * box's centre on the patches' grid.
 */
public final class PromptBuilder {
    private final ModelConfig config;
    private final Tokenizer tokenizer;
    private final List<Integer> ids = new ArrayList<>();
    private final List<Integer> cells = new ArrayList<>();
    private final List<ImagePatches> images = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private boolean inMessage;

    /**
     * A model input.
     *
     * @param ids token ids
     * @param images the images, in the order of their placeholders
     * @param ocrCells per token, -1 or the OCR position cell (row-major over init_pos_emb)
     * @param targets the positions the pointer may choose, with their areas
     */
    public record Input(int[] ids, List<ImagePatches> images, int[] ocrCells, List<Target> targets) {
        public Input {
            images = List.copyOf(images);
            targets = List.copyOf(targets);
            if (ocrCells.length != ids.length) {
                throw new IllegalArgumentException("ocrCells needs one entry per token");
            }
        }
    }

    public PromptBuilder(ModelConfig config, Tokenizer tokenizer) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** A whole system message. */
    public PromptBuilder system(String text) {
        return begin("<|im_system|>", "system").text(text).end();
    }

    /** Opens a user message; add text and images, then {@link #end()}. */
    public PromptBuilder user() {
        return begin("<|im_user|>", "user");
    }

    /** A whole assistant message (for history). */
    public PromptBuilder assistant(String text) {
        return begin("<|im_assistant|>", "assistant").text(text).end();
    }

    /** The generation prompt: an opened assistant message for the model to write. */
    public PromptBuilder generationPrompt() {
        return begin("<|im_assistant|>", "assistant");
    }

    private PromptBuilder begin(String roleToken, String role) {
        if (inMessage) {
            throw new IllegalStateException("close the open message with end() first");
        }
        special(roleToken);
        plain(role);
        special("<|im_middle|>");
        inMessage = true;
        return this;
    }

    public PromptBuilder text(String text) {
        requireMessage();
        plain(text);
        return this;
    }

    /** An image with no OCR words. */
    public PromptBuilder image(ImageProcessor.Processed image) {
        return image(image, List.of());
    }

    /**
     * An image, followed by its OCR words when the model takes the OCR stream. Word boxes are in
     * the original screenshot's pixels (this scales them by {@code image.scale()}); {@link OcrStream}
     * chooses the words from what a {@link dev.deskpilot.perception.TextReader} read.
     */
    public PromptBuilder image(ImageProcessor.Processed image, List<OcrWord> words) {
        requireMessage();
        VisionConfig v = config.vision();
        ImagePatches patches = image.patches();
        special("<|media_start|>");
        plain("image");
        special("<|media_content|>");
        int rows = patches.gridHeight() / v.mergeHeight();
        int cols = patches.gridWidth() / v.mergeWidth();
        double cellW = v.patchSize() * v.mergeWidth() / image.scale();
        double cellH = v.patchSize() * v.mergeHeight() / image.scale();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                targets.add(new Target(ids.size(), c * cellW, r * cellH, cellW, cellH));
                ids.add(config.mediaPlaceholderTokenId());
                cells.add(-1);
            }
        }
        special("<|media_end|>");
        images.add(patches);
        if (config.grounding().ocrStream() && !words.isEmpty()) {
            special("<|ocr_start|>");
            boolean first = true;
            for (OcrWord word : words) {
                if (!first) {
                    plain(" ");
                }
                first = false;
                int cell = ocrCell(word, image);
                var box = word.box();
                targets.add(new Target(ids.size(), box.x(), box.y(), box.width(), box.height()));
                for (int id : tokenizer.encode(word.text())) {
                    ids.add(id);
                    cells.add(cell);
                }
            }
            special("<|ocr_end|>");
        }
        return this;
    }

    /**
     * The init_pos_emb cell nearest to where the patch under the word's centre samples the learned
     * grid: patch row r of h samples grid row (r + 0.5) * Gh / h - 0.5.
     */
    int ocrCell(OcrWord word, ImageProcessor.Processed image) {
        VisionConfig v = config.vision();
        ImagePatches p = image.patches();
        double cx = (word.box().x() + word.box().width() / 2.0) * image.scale();
        double cy = (word.box().y() + word.box().height() / 2.0) * image.scale();
        int patchRow = Math.clamp((int) (cy / v.patchSize()), 0, p.gridHeight() - 1);
        int patchCol = Math.clamp((int) (cx / v.patchSize()), 0, p.gridWidth() - 1);
        int gridRow = Math.clamp(
                (int) ((patchRow + 0.5) * v.initPosEmbHeight() / p.gridHeight()), 0, v.initPosEmbHeight() - 1);
        int gridCol =
                Math.clamp((int) ((patchCol + 0.5) * v.initPosEmbWidth() / p.gridWidth()), 0, v.initPosEmbWidth() - 1);
        return gridRow * v.initPosEmbWidth() + gridCol;
    }

    /** Closes the open message with {@code <|im_end|>}. */
    public PromptBuilder end() {
        requireMessage();
        special("<|im_end|>");
        inMessage = false;
        return this;
    }

    public Input build() {
        return new Input(
                ids.stream().mapToInt(Integer::intValue).toArray(),
                images,
                cells.stream().mapToInt(Integer::intValue).toArray(),
                targets);
    }

    private void requireMessage() {
        if (!inMessage) {
            throw new IllegalStateException("open a message (user(), generationPrompt(), ...) first");
        }
    }

    private void special(String token) {
        ids.add(tokenizer.special(token));
        cells.add(-1);
    }

    private void plain(String text) {
        for (int id : tokenizer.encode(text)) {
            ids.add(id);
            cells.add(-1);
        }
    }
}
