package dev.deskpilot.agent.cli;

/** Input the user can fix (a missing file, a conflicting option); exits with code 2. */
final class BadInputException extends Exception {
    BadInputException(String message) {
        super(message);
    }
}
