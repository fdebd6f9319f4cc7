package dev.deskpilot.policy.data;

import dev.deskpilot.actions.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reading, scaling and writing the PNG images of runs and datasets. */
final class Images {
    private Images() {}

    /** An image's size from its header, without decoding the pixels. */
    static Size size(Path file) throws DatasetException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw DatasetException.in(file, "cannot open image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw DatasetException.in(file, "not an image ImageIO can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof DatasetException d) {
                throw d;
            }
            throw DatasetException.in(file, "cannot read image: " + e.getMessage());
        }
    }

    static BufferedImage read(Path file) throws DatasetException {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw DatasetException.in(file, "not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw DatasetException.in(file, "cannot read image: " + e.getMessage());
        }
    }

    /**
     * The image scaled to {@code size} with bilinear interpolation, or itself when it already has
     * that size. Computed on the pixels, not with {@code Graphics2D}, so it needs no display and the
     * same input always gives the same pixels: a frame scaled for training and the same frame scaled
     * for export are identical.
     */
    static BufferedImage scale(BufferedImage image, Size size) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        if (sw == size.width() && sh == size.height()) {
            return image;
        }
        int dw = size.width();
        int dh = size.height();
        int[] src = image.getRGB(0, 0, sw, sh, null, 0, sw);
        int[] dst = new int[dw * dh];
        for (int y = 0; y < dh; y++) {
            // Pixel centres map onto pixel centres, as in common image libraries.
            double sy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / dh - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(sh - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < dw; x++) {
                double sx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / dw - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(sw - 1, x0 + 1);
                double fx = sx - x0;
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double top = channel(src[y0 * sw + x0], shift) * (1 - fx) + channel(src[y0 * sw + x1], shift) * fx;
                    double bottom =
                            channel(src[y1 * sw + x0], shift) * (1 - fx) + channel(src[y1 * sw + x1], shift) * fx;
                    rgb |= (int) Math.round(top * (1 - fy) + bottom * fy) << shift;
                }
                dst[y * dw + x] = rgb;
            }
        }
        BufferedImage out = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, dw, dh, dst, 0, dw);
        return out;
    }

    private static int channel(int rgb, int shift) {
        return (rgb >> shift) & 0xff;
    }

    /** Writes a PNG under a temporary name, then renames it, so no reader sees half a file. */
    static void writePng(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available for " + tmp);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
