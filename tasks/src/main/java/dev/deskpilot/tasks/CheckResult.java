package dev.deskpilot.tasks;

import java.util.Objects;

/**
 * The verdict on one {@link Check}: whether it held, and in {@code detail} what was expected and
 * what was seen (e.g. {@code state 'name' was 'Ada', expected 'Ada Lovelace'}).
 */
public record CheckResult(Check check, boolean passed, String detail) {
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(detail, "detail");
    }
}
