package dev.deskpilot.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The validation rules the task records share; each failure names the field it is about. */
final class Require {
    private Require() {}

    static String nonBlank(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        return value;
    }

    static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new InvalidFieldException(field, "must be at least " + min + ", was " + value);
        }
        return value;
    }

    static Duration positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidFieldException(field, "must be longer than zero, was " + Durations.format(value));
        }
        return value;
    }

    /**
     * A command line: at least the program, which must not be blank. Arguments may be empty strings
     * ({@code sh -c ''} is a valid command).
     */
    static List<String> commandLine(String field, List<String> command) {
        List<String> copy = List.copyOf(command);
        if (copy.isEmpty()) {
            throw new InvalidFieldException(field, "must name at least the program to run");
        }
        if (copy.get(0).isBlank()) {
            throw new InvalidFieldException(field + "[0]", "must name a program, was blank");
        }
        return copy;
    }
}
