package dev.deskpilot.perception.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.deskpilot.actions.Rect;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds where text is, with a DB (differentiable binarization) detector such as PP-OCRv4's: the
 * model gives each pixel a probability of lying inside a <em>shrunk</em> text region; regions
 * above a threshold become boxes, which are grown back ("unclipped") to the text's full extent.
 *
 * <p>Screen text is axis-aligned, so a region's bounding box stands in for PaddleOCR's contour
 * and minimum-area rectangle.
 */
public final class Detector {
    /** Pixels whose probability exceeds this belong to a text region (PaddleOCR: thresh 0.3). */
    static final float PIXEL_THRESHOLD = 0.3f;
    /** Regions whose box's mean probability is below this are dropped (PaddleOCR: box_thresh 0.6). */
    static final float BOX_THRESHOLD = 0.6f;
    /** How far to grow a region back: area times this over perimeter (PaddleOCR: unclip_ratio 1.5). */
    static final double UNCLIP_RATIO = 1.5;
    /** Images larger than this on their longer side are scaled down first; screens rarely are. */
    static final int MAX_SIDE = 2560;
    /** Regions thinner than this, in map pixels, are noise (PaddleOCR: min_size 3). */
    static final int MIN_SIZE = 3;
    /** Boxes sharing this much of the smaller one's height are on the same line. */
    static final double SAME_LINE_OVERLAP = 0.6;

    /** PaddleOCR's normalisation for detection, in the channel order B, G, R its OpenCV images have. */
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};

    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    /** Per-channel lookup tables from a byte value to the normalised float: [channel][value]. */
    private static final float[][] NORMALISED = new float[3][256];

    static {
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                NORMALISED[c][v] = (v / 255f - MEAN[c]) / STD[c];
            }
        }
    }

    private final OrtSession session;
    private final String inputName;
    private FloatBuffer input = FloatBuffer.allocate(0);

    public Detector(OrtSession session) {
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
    }

    /** The boxes of the text lines inside {@code region} of the image, in image pixels. */
    public List<Rect> detect(Pixels image, Rect region) {
        if (region.width() < MIN_SIZE || region.height() < MIN_SIZE) {
            return List.of();
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(region.width(), region.height()));
        int w = Math.max(1, (int) Math.round(region.width() * scale));
        int h = Math.max(1, (int) Math.round(region.height() * scale));
        // The network downsamples by 32: pad (rather than stretch, as PaddleOCR does) so that
        // small regions keep their geometry.
        int paddedW = roundUp32(w);
        int paddedH = roundUp32(h);
        fill(image, region, w, h, paddedW, paddedH);
        float[] map = run(paddedW, paddedH);
        List<Rect> boxes = new ArrayList<>();
        for (var component : Components.label(map, paddedW, w, h, PIXEL_THRESHOLD)) {
            if (Math.min(component.width(), component.height()) < MIN_SIZE) {
                continue;
            }
            if (meanProbability(map, paddedW, component) < BOX_THRESHOLD) {
                continue;
            }
            // The polygon through the region's outer pixel centres, grown by area * ratio / perimeter.
            double cw = component.width() - 1;
            double ch = component.height() - 1;
            double distance = cw * ch * UNCLIP_RATIO / (2 * (cw + ch));
            double x0 = component.x() - distance;
            double y0 = component.y() - distance;
            double x1 = component.x() + cw + distance + 1;
            double y1 = component.y() + ch + distance + 1;
            if (Math.min(x1 - x0, y1 - y0) < MIN_SIZE + 2) {
                continue;
            }
            int ix0 = clamp(region.x() + (int) Math.floor(x0 / scale), region.x(), Boxes.right(region));
            int iy0 = clamp(region.y() + (int) Math.floor(y0 / scale), region.y(), Boxes.bottom(region));
            int ix1 = clamp(region.x() + (int) Math.ceil(x1 / scale), region.x(), Boxes.right(region));
            int iy1 = clamp(region.y() + (int) Math.ceil(y1 / scale), region.y(), Boxes.bottom(region));
            if (ix1 - ix0 >= MIN_SIZE && iy1 - iy0 >= MIN_SIZE) {
                boxes.add(new Rect(ix0, iy0, ix1 - ix0, iy1 - iy0));
            }
        }
        return mergeSplitLines(boxes);
    }

    /**
     * Joins boxes that overlap side by side on one line. DB sometimes splits a line where its ink
     * is faint (a one-pixel dot in "42.50", the gap before a descender); the grown halves then
     * overlap, and read apart they lose the character between them.
     */
    static List<Rect> mergeSplitLines(List<Rect> boxes) {
        List<Rect> merged = new ArrayList<>(boxes);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < merged.size() && !changed; i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    Rect a = merged.get(i);
                    Rect b = merged.get(j);
                    if (Boxes.intersects(a, b) && sameLine(a, b)) {
                        merged.set(i, Boxes.union(a, b));
                        merged.remove(j);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return merged;
    }

    /** Whether two boxes share most of their height: neighbours on a line, not lines above each other. */
    private static boolean sameLine(Rect a, Rect b) {
        int overlap = Math.min(Boxes.bottom(a), Boxes.bottom(b)) - Math.max(a.y(), b.y());
        return overlap >= SAME_LINE_OVERLAP * Math.min(a.height(), b.height());
    }

    private void fill(Pixels image, Rect region, int w, int h, int paddedW, int paddedH) {
        int plane = paddedW * paddedH;
        if (input.capacity() < 3 * plane) {
            input = ByteBuffer.allocateDirect(3 * plane * Float.BYTES)
                    .order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
        }
        FloatBuffer buf = input;
        buf.clear();
        float[] row0 = new float[paddedW];
        float[] row1 = new float[paddedW];
        float[] row2 = new float[paddedW];
        int[] rgb = image.rgb();
        boolean scaled = w != region.width() || h != region.height();
        double fx = (double) region.width() / w;
        double fy = (double) region.height() / h;
        for (int y = 0; y < paddedH; y++) {
            Arrays.fill(row0, 0f);
            Arrays.fill(row1, 0f);
            Arrays.fill(row2, 0f);
            if (y < h) {
                for (int x = 0; x < w; x++) {
                    int p = scaled
                            ? areaAverage(image, region, x, y, fx, fy)
                            : rgb[(region.y() + y) * image.width() + region.x() + x];
                    row0[x] = NORMALISED[0][p & 0xFF];
                    row1[x] = NORMALISED[1][p >> 8 & 0xFF];
                    row2[x] = NORMALISED[2][p >> 16 & 0xFF];
                }
            }
            buf.put(y * paddedW, row0);
            buf.put(plane + y * paddedW, row1);
            buf.put(2 * plane + y * paddedW, row2);
        }
        buf.position(0);
        buf.limit(3 * plane);
    }

    /** The mean colour of the source block that output pixel (x, y) covers when scaling down. */
    private static int areaAverage(Pixels image, Rect region, int x, int y, double fx, double fy) {
        int sx0 = region.x() + (int) (x * fx);
        int sy0 = region.y() + (int) (y * fy);
        int sx1 = Math.max(sx0 + 1, Math.min(Boxes.right(region), region.x() + (int) ((x + 1) * fx)));
        int sy1 = Math.max(sy0 + 1, Math.min(Boxes.bottom(region), region.y() + (int) ((y + 1) * fy)));
        long r = 0, g = 0, b = 0;
        int n = 0;
        for (int sy = sy0; sy < sy1; sy++) {
            for (int sx = sx0; sx < sx1; sx++) {
                int p = image.get(sx, sy);
                r += p >> 16 & 0xFF;
                g += p >> 8 & 0xFF;
                b += p & 0xFF;
                n++;
            }
        }
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    private float[] run(int paddedW, int paddedH) {
        var env = OrtEnvironment.getEnvironment();
        try (var tensor = OnnxTensor.createTensor(env, input, new long[] {1, 3, paddedH, paddedW});
                var result = session.run(Map.of(inputName, tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] map = new float[paddedW * paddedH];
            out.get(map);
            return map;
        } catch (OrtException e) {
            throw new IllegalStateException("OCR text detection failed on a " + paddedW + "x" + paddedH + " image", e);
        }
    }

    /** The mean probability over the region's bounding box, as PaddleOCR's fast box score. */
    private static double meanProbability(float[] map, int stride, Rect box) {
        double sum = 0;
        for (int y = box.y(); y < Boxes.bottom(box); y++) {
            for (int x = box.x(); x < Boxes.right(box); x++) {
                sum += map[y * stride + x];
            }
        }
        return sum / ((double) box.width() * box.height());
    }

    private static int roundUp32(int v) {
        return Math.max(32, (v + 31) / 32 * 32);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
