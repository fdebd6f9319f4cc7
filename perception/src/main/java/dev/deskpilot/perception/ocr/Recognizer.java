package dev.deskpilot.perception.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.deskpilot.actions.Rect;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the characters in line boxes with a CTC recogniser such as PP-OCRv4's (SVTR-LCNet): each
 * box is scaled to 48 pixels high keeping its aspect ratio, boxes of similar width are batched,
 * and each time step's most likely class is decoded greedily (repeats collapse, blanks drop).
 */
public final class Recognizer {
    /** The height the model reads lines at. */
    public static final int HEIGHT = 48;
    /**
     * Each line is padded to a multiple of this width, and only lines of the same padded width
     * share a batch. PaddleOCR pads every batch to at least 320 px (its rec_image_shape 3,48,320)
     * and to its widest line, but the model's cost grows with width and screens are full of short
     * labels; and a line should read the same whichever lines it is batched with, so that a
     * re-read of a changed region agrees with a full read.
     */
    static final int WIDTH_STEP = 32;
    /** Wider lines are squeezed; screens hardly have lines 80 times longer than high. */
    static final int MAX_WIDTH = HEIGHT * 80;

    static final int BATCH = 8;

    private final OrtSession session;
    private final String inputName;
    private final List<String> classes;
    /** The space's class, or -1 if the dictionary has none. */
    private final int space;

    private FloatBuffer input = FloatBuffer.allocate(0);

    public Recognizer(OrtSession session, List<String> classes) {
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.classes = classes;
        this.space = classes.lastIndexOf(" ");
    }

    /** The glyphs read in each box, in the order of {@code boxes}. */
    public List<List<Glyph>> recognize(Pixels image, List<Rect> boxes) {
        List<List<Glyph>> results = new ArrayList<>(Collections.nCopies(boxes.size(), List.of()));
        Integer[] order = new Integer[boxes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Similar widths together, so a batch pads little.
        Arrays.sort(order, Comparator.comparingDouble(i -> aspect(boxes.get(i))));
        for (int start = 0, end; start < order.length; start = end) {
            int batchWidth = paddedWidth(boxes.get(order[start]));
            end = start + 1;
            while (end < order.length && end - start < BATCH && paddedWidth(boxes.get(order[end])) == batchWidth) {
                end++;
            }
            List<Rect> batch = new ArrayList<>();
            for (int k = start; k < end; k++) {
                batch.add(boxes.get(order[k]));
            }
            List<List<Glyph>> read = runBatch(image, batch, batchWidth);
            for (int k = start; k < end; k++) {
                results.set(order[k], read.get(k - start));
            }
        }
        return results;
    }

    /**
     * The dictionary's character as screens mean it: the Chinese dictionary has full-width forms
     * ("：", "（") that the model picks for their ASCII look-alikes; compatibility normalisation
     * maps them back.
     */
    private static String readable(String character) {
        return Normalizer.normalize(character, Normalizer.Form.NFKC);
    }

    private static int paddedWidth(Rect box) {
        return Math.min(MAX_WIDTH, roundUp((int) Math.ceil(HEIGHT * aspect(box)), WIDTH_STEP));
    }

    private static int roundUp(int v, int step) {
        return Math.max(step, (v + step - 1) / step * step);
    }

    private static double aspect(Rect box) {
        return (double) box.width() / box.height();
    }

    private List<List<Glyph>> runBatch(Pixels image, List<Rect> boxes, int width) {
        int n = boxes.size();
        int plane = HEIGHT * width;
        int size = n * 3 * plane;
        if (input.capacity() < size) {
            input = ByteBuffer.allocateDirect(size * Float.BYTES)
                    .order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
        }
        FloatBuffer buf = input;
        buf.clear();
        // Padding is 0 after normalisation, i.e. mid grey, as in PaddleOCR.
        float[] zeros = new float[plane];
        for (int i = 0; i < 3 * n; i++) {
            buf.put(i * plane, zeros);
        }
        int[] resizedWidths = new int[n];
        for (int i = 0; i < n; i++) {
            resizedWidths[i] = fillLine(image, boxes.get(i), width, buf, i * 3 * plane);
        }
        buf.position(0);
        buf.limit(size);
        var env = OrtEnvironment.getEnvironment();
        try (var tensor = OnnxTensor.createTensor(env, buf, new long[] {n, 3, HEIGHT, width});
                var result = session.run(Map.of(inputName, tensor))) {
            var out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            int steps = (int) shape[1];
            int classCount = (int) shape[2];
            FloatBuffer probs = out.getFloatBuffer();
            float[] step = new float[classCount];
            List<List<Glyph>> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Rect box = boxes.get(i);
                // Image x of a time step's centre: steps tile the padded input evenly; the line's
                // content occupies the first resizedWidth input pixels, stretched from box.width.
                double inputPerStep = (double) width / steps;
                double imagePerInput = (double) box.width() / resizedWidths[i];
                List<Glyph> glyphs = new ArrayList<>();
                int previous = 0;
                double spaceSince = 0;
                for (int t = 0; t < steps; t++) {
                    probs.position((i * steps + t) * classCount);
                    probs.get(step);
                    int best = 0;
                    for (int c = 1; c < classCount; c++) {
                        if (step[c] > step[best]) {
                            best = c;
                        }
                    }
                    if (space >= 0) {
                        spaceSince = Math.max(spaceSince, step[space]);
                    }
                    if (best != 0 && best != previous && best < classes.size()) {
                        double x = box.x() + (t + 0.5) * inputPerStep * imagePerInput;
                        glyphs.add(
                                new Glyph(readable(classes.get(best)), x, step[best], best == space ? 0 : spaceSince));
                        if (best != space) {
                            spaceSince = 0;
                        }
                    }
                    previous = best;
                }
                lines.add(glyphs);
            }
            return lines;
        } catch (OrtException e) {
            throw new IllegalStateException("OCR text recognition failed on " + n + " lines " + width + " px wide", e);
        }
    }

    /**
     * Writes one box, scaled bilinearly to {@link #HEIGHT} keeping its aspect ratio (at most
     * {@code width}), into the batch at {@code offset}; returns the scaled width.
     */
    private static int fillLine(Pixels image, Rect box, int width, FloatBuffer buf, int offset) {
        int resized = Math.max(1, Math.min(width, (int) Math.ceil(HEIGHT * aspect(box))));
        int plane = HEIGHT * width;
        double sx = (double) box.width() / resized;
        double sy = (double) box.height() / HEIGHT;
        int[] x0 = new int[resized];
        int[] x1 = new int[resized];
        float[] wx = new float[resized];
        for (int x = 0; x < resized; x++) {
            double src = Math.max(0, (x + 0.5) * sx - 0.5);
            x0[x] = Math.min(box.width() - 1, (int) src);
            x1[x] = Math.min(box.width() - 1, x0[x] + 1);
            wx[x] = (float) (src - (int) src);
        }
        float[] b = new float[resized];
        float[] g = new float[resized];
        float[] r = new float[resized];
        int[] rgb = image.rgb();
        int stride = image.width();
        for (int y = 0; y < HEIGHT; y++) {
            double src = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min(box.height() - 1, (int) src);
            int y1 = Math.min(box.height() - 1, y0 + 1);
            float wy = (float) (src - (int) src);
            int row0 = (box.y() + y0) * stride + box.x();
            int row1 = (box.y() + y1) * stride + box.x();
            for (int x = 0; x < resized; x++) {
                int p00 = rgb[row0 + x0[x]], p01 = rgb[row0 + x1[x]];
                int p10 = rgb[row1 + x0[x]], p11 = rgb[row1 + x1[x]];
                for (int c = 0; c < 3; c++) {
                    int shift = 8 * c; // c = 0: blue, 1: green, 2: red
                    float top = lerp(p00 >> shift & 0xFF, p01 >> shift & 0xFF, wx[x]);
                    float bottom = lerp(p10 >> shift & 0xFF, p11 >> shift & 0xFF, wx[x]);
                    float v = lerp(top, bottom, wy);
                    float n = (v / 255f - 0.5f) / 0.5f;
                    switch (c) {
                        case 0 -> b[x] = n;
                        case 1 -> g[x] = n;
                        default -> r[x] = n;
                    }
                }
            }
            buf.put(offset + y * width, b);
            buf.put(offset + plane + y * width, g);
            buf.put(offset + 2 * plane + y * width, r);
        }
        return resized;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
