package dev.deskpilot.policy.data;

import dev.deskpilot.actions.Size;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A screenshot of a sample, kept as a file until it is needed.
 *
 * @param name a stable name, unique within a dataset: {@code <run folder name>/<step, 4 digits>}
 * @param file the PNG file; a run's frame has the screen's size, an exported image already {@code
 *     size}
 * @param size the pixel space the sample's action text refers to: the size the model sees
 */
public record SampleImage(String name, Path file, Size size) {
    public SampleImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(size, "size");
        if (name.isBlank()) {
            throw new IllegalArgumentException("image name must not be blank");
        }
    }

    /**
     * Reads the file and scales it to {@link #size()} if it has another size, so the pixels are
     * those the sample's coordinates refer to.
     */
    public BufferedImage load() throws DatasetException {
        return Images.scale(Images.read(file), size);
    }
}
