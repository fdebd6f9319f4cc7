package dev.deskpilot.tasks;

/** A task's app could not be started; the message says which app and why, in one line. */
public class AppLaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    public AppLaunchException(String message) {
        super(message);
    }

    public AppLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
