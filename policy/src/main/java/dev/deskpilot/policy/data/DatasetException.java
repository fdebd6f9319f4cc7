package dev.deskpilot.policy.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run folder or dataset that cannot be read: a missing file, a line that is not JSON, a field
 * that is missing or of the wrong kind. The message is one line that starts with the place, e.g.
 * {@code runs/demo/steps.jsonl:7: field 'frame' is missing}, so a person can open the file there.
 * Reading never changes the files it reads.
 */
public final class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at one line of a file: {@code file:line: problem}. */
    static DatasetException at(Path file, int line, String problem) {
        return new DatasetException(file + ":" + line + ": " + problem);
    }

    /** An error about a whole file or folder: {@code file: problem}. */
    static DatasetException in(Path file, String problem) {
        return new DatasetException(file + ": " + problem);
    }
}
