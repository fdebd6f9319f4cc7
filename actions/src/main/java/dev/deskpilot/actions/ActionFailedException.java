package dev.deskpilot.actions;

/** An action could not be carried out on the desktop (no display, a fallback tool missing, …). */
public class ActionFailedException extends Exception {
    public ActionFailedException(String message) {
        super(message);
    }

    public ActionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
