package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;
import java.util.Objects;

/**
 * A private copy of an image's pixels as packed {@code 0xRRGGBB} ints, row by row. The OCR stages
 * read these instead of the {@link BufferedImage}, because per-pixel {@code getRGB} calls cost more
 * than the models' preprocessing, and because the reader keeps the previous frame to diff against.
 */
public record Pixels(int width, int height, int[] rgb) {
    public Pixels {
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (rgb.length != width * height) {
            throw new IllegalArgumentException(
                    "pixel array must hold " + width + "x" + height + " values, had " + rgb.length);
        }
    }

    /** Copies the pixels of any image, with fast paths for the layouts screenshots come in. */
    public static Pixels of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        var raster = image.getRaster();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if (untranslated
                && raster.getDataBuffer() instanceof DataBufferInt ints
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel packed
                && (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)) {
            int[] data = ints.getData();
            int stride = packed.getScanlineStride();
            int offset = ints.getOffset();
            for (int y = 0; y < h; y++) {
                int from = offset + y * stride;
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = data[from + x] & 0xFFFFFF;
                }
            }
            if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
                compositeOnWhite(image, out);
            }
            return new Pixels(w, h, out);
        }
        if (untranslated
                && raster.getDataBuffer() instanceof DataBufferByte bytes
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel interleaved
                && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] data = bytes.getData();
            int stride = interleaved.getScanlineStride();
            for (int y = 0; y < h; y++) {
                int p = bytes.getOffset() + y * stride;
                for (int x = 0; x < w; x++, p += 3) {
                    out[y * w + x] = (data[p + 2] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | (data[p] & 0xFF);
                }
            }
            return new Pixels(w, h, out);
        }
        image.getRGB(0, 0, w, h, out, 0, w);
        if (image.getColorModel().hasAlpha()) {
            compositeOnWhite(image, out);
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xFFFFFF;
            }
        }
        return new Pixels(w, h, out);
    }

    /** Transparent pixels would read as black; screens have no transparency, so show them on white. */
    private static void compositeOnWhite(BufferedImage image, int[] out) {
        int w = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int a = argb >>> 24;
                if (a == 255) {
                    out[y * w + x] = argb & 0xFFFFFF;
                    continue;
                }
                int r = ((argb >> 16 & 0xFF) * a + 255 * (255 - a)) / 255;
                int g = ((argb >> 8 & 0xFF) * a + 255 * (255 - a)) / 255;
                int b = ((argb & 0xFF) * a + 255 * (255 - a)) / 255;
                out[y * w + x] = r << 16 | g << 8 | b;
            }
        }
    }

    public int get(int x, int y) {
        return rgb[y * width + x];
    }

    /** The whole image as a rectangle. */
    public Rect bounds() {
        return new Rect(0, 0, width, height);
    }

    /** Whether every pixel has the same colour: nothing can be written there. */
    public boolean uniform() {
        int first = rgb[0];
        for (int v : rgb) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }

    public boolean sameSize(Pixels other) {
        return width == other.width && height == other.height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pixels p && width == p.width && height == p.height && Arrays.equals(rgb, p.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "Pixels[" + width + "x" + height + "]";
    }
}
