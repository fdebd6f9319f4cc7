package dev.deskpilot.tasks;

/**
 * A task file could not be read. The message is one line that starts with the place
 * ({@code form.json:6:15: }) and names the field and what was expected, e.g.
 * {@code form.json:6:15: field 'maxSteps': expected an integer, was a string}.
 */
public class TaskFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public TaskFileException(String message) {
        super(message);
    }

    public TaskFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
