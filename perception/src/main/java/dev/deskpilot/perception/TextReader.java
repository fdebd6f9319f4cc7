package dev.deskpilot.perception;

import dev.deskpilot.perception.ocr.IncrementalReader;
import dev.deskpilot.perception.ocr.OcrEngine;
import dev.deskpilot.perception.ocr.OcrModels;
import dev.deskpilot.perception.ocr.Pixels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the text on a screen (OCR): where each line and word is, what it says, and how sure the
 * reader is. It sees only pixels, like the agent.
 *
 * <p>It runs PaddleOCR's PP-OCRv4 detection and recognition models on ONNX Runtime. A reader
 * remembers the last frame it read: reading the next frame of the same size re-reads only the
 * regions whose pixels changed and keeps the lines elsewhere, so reading after each step of an
 * agent costs little. Not thread-safe in the sense of parallel reads: calls are serialised.
 *
 * <pre>{@code
 * try (TextReader reader = TextReader.open()) {
 *     for (TextLine line : reader.read(screen.capture().image())) {
 *         System.out.println(line.text() + " at " + line.box());
 *     }
 * }
 * }</pre>
 */
public final class TextReader implements AutoCloseable {
    /** Inference threads per model: two, or one on a single core (this project's machines have two). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    private final OcrEngine engine;
    private final IncrementalReader reader;

    private TextReader(OcrModels models) {
        this.engine = new OcrEngine(models);
        this.reader = new IncrementalReader(engine);
    }

    /**
     * A reader on the PP-OCRv4 models bundled with deskpilot (loading takes a few hundred ms).
     *
     * @throws OcrModelException if the bundled models are missing from the class path or broken
     */
    public static TextReader open() {
        return new TextReader(OcrModels.bundled(defaultThreads()));
    }

    /**
     * A reader on PP-OCR models from files: a DB detection model, a CTC recognition model taking
     * 48-pixel-high lines, and the recogniser's dictionary (one character per line).
     *
     * @throws OcrModelException naming the file that is missing, unreadable, not an ONNX model,
     *     or does not fit the others
     */
    public static TextReader open(Path detectionModel, Path recognitionModel, Path dictionary) {
        return new TextReader(OcrModels.fromFiles(detectionModel, recognitionModel, dictionary, defaultThreads()));
    }

    /**
     * The text lines in {@code image} in reading order: row by row from the top, each row left to
     * right (lines overlapping vertically by at least half their height form a row); empty when
     * there is no text. If the previous image read had the same size, only regions that changed
     * are read again.
     */
    public synchronized List<TextLine> read(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return List.copyOf(ReadingOrder.of(reader.read(Pixels.of(image))));
    }

    /** The text lines in a captured frame; see {@link #read(BufferedImage)}. */
    public List<TextLine> read(Frame frame) {
        return read(frame.image());
    }

    /** All words in {@code image}, line by line; see {@link #read(BufferedImage)}. */
    public List<Word> readWords(BufferedImage image) {
        return read(image).stream().flatMap(line -> line.words().stream()).toList();
    }

    /** Forgets the previous frame, so that the next read reads everything. */
    public synchronized void forget() {
        reader.forget();
    }

    @Override
    public synchronized void close() {
        engine.close();
    }
}
