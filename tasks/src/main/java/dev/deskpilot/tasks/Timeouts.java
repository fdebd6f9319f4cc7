package dev.deskpilot.tasks;

import java.time.Duration;

/**
 * How long a task may take: {@code launch} for its app to come up, {@code step} for one
 * perceive-decide-act step, {@code run} for the whole run. All are longer than zero.
 */
public record Timeouts(Duration launch, Duration step, Duration run) {
    /** 10 s to launch, 30 s per step, 5 minutes per run. */
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5));

    public Timeouts {
        Require.positive("launch", launch);
        Require.positive("step", step);
        Require.positive("run", run);
    }
}
