package dev.deskpilot.vlm;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Kimi-VL's image preprocessing: scale down (bicubic) when the image has more than
 * {@code in_token_limit} patches, pad right and bottom with black to a multiple of patch x merge
 * (28 pixels), scale to [0, 1], normalise by mean and std, and cut into row-major patches.
 */
public final class ImageProcessor {
    private ImageProcessor() {}

    /**
     * A preprocessed image.
     *
     * @param patches the vision tower's input
     * @param scale processed pixels per original pixel (1 unless the image was scaled down)
     * @param width width of the scaled image before padding
     * @param height height of the scaled image before padding
     */
    public record Processed(ImagePatches patches, double scale, int width, int height) {}

    public static Processed process(BufferedImage image, VisionConfig v) {
        int w = image.getWidth();
        int h = image.getHeight();
        int p = v.patchSize();
        double scale = 1;
        long patchCount = (long) (w / p) * (h / p);
        if (patchCount > v.inTokenLimit()) {
            scale = Math.sqrt((double) v.inTokenLimit() / patchCount);
            int nw = Math.max(1, (int) (w * scale));
            int nh = Math.max(1, (int) (h * scale));
            image = resize(image, nw, nh);
            w = nw;
            h = nh;
        }
        int unitH = p * v.mergeHeight();
        int unitW = p * v.mergeWidth();
        int padH = (h + unitH - 1) / unitH * unitH;
        int padW = (w + unitW - 1) / unitW * unitW;
        int rows = padH / p;
        int cols = padW / p;
        float[] values = new float[rows * cols * 3 * p * p];
        double[] mean = v.imageMean().stream().mapToDouble(Double::doubleValue).toArray();
        double[] std = v.imageStd().stream().mapToDouble(Double::doubleValue).toArray();
        int[] rgb = new int[w];
        for (int y = 0; y < padH; y++) {
            if (y < h) {
                image.getRGB(0, y, w, 1, rgb, 0, w);
            }
            for (int x = 0; x < padW; x++) {
                int px = (y < h && x < w) ? rgb[x] : 0; // padding is black
                int patch = (y / p) * cols + (x / p);
                int base = patch * 3 * p * p + (y % p) * p + (x % p);
                for (int c = 0; c < 3; c++) {
                    int byteValue = (px >> (16 - 8 * c)) & 0xff;
                    values[base + c * p * p] = (float) ((byteValue / 255.0 - mean[c]) / std[c]);
                }
            }
        }
        return new Processed(new ImagePatches(values, rows, cols, p), scale, w, h);
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
