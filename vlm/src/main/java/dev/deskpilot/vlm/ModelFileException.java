package dev.deskpilot.vlm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file that cannot be used: unreadable, corrupt, truncated, or not matching the config.
 * The message names the file and the problem in one line.
 */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
