package dev.deskpilot.policy;

/** A policy could not produce a next step (unparseable reply, script exhausted, model failure). */
public class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
