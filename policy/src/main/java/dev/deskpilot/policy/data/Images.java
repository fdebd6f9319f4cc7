package dev.deskpilot.policy.data;

import dev.deskpilot.actions.Size;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
     * The image scaled to {@code size} (bilinear), or itself when it already has that size. The
     * same input always gives the same pixels, so a frame scaled for training and the same frame
     * scaled for export are identical.
     */
    static BufferedImage scale(BufferedImage image, Size size) {
        if (image.getWidth() == size.width() && image.getHeight() == size.height()) {
            return image;
        }
        BufferedImage out = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, size.width(), size.height(), null);
        } finally {
            g.dispose();
        }
        return out;
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
