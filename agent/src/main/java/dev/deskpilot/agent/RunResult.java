package dev.deskpilot.agent;

import java.util.Objects;

/** How the loop ended: the status, a one-line reason a person can read, and the steps taken. */
public record RunResult(RunStatus status, String reason, int steps) {
    public RunResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a finished run cannot have status running");
        }
    }
}
