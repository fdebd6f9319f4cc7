package dev.deskpilot.tasks;

/**
 * A task value was constructed with a bad field. The message reads on its own ("maxSteps must be
 * at least 1, was 0"); {@link #field()} and {@link #problem()} let the task file reader point at
 * the offending JSON value instead of at the whole object.
 */
final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field the record component, with an element index where it applies ({@code steps[2]})
     * @param problem what was expected and what was given, e.g. {@code must be at least 1, was 0}
     */
    InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }
}
