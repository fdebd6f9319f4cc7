package dev.deskpilot.agent;

import dev.deskpilot.perception.Settle;
import java.time.Duration;
import java.util.Objects;

/**
 * How the loop behaves; recorded in run.json so a run can be understood later.
 *
 * @param maxSteps the most decide-and-act steps before the run ends with {@link RunStatus#MAX_STEPS}
 * @param settleTimeout how long to wait after acting for the screen to stop changing
 * @param runTimeout the whole run's time limit; reaching it ends the run as {@link RunStatus#STOPPED}
 * @param settle what "stopped changing" means
 */
public record AgentSettings(int maxSteps, Duration settleTimeout, Duration runTimeout, Settle settle) {
    public AgentSettings {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        Objects.requireNonNull(settleTimeout, "settleTimeout");
        Objects.requireNonNull(runTimeout, "runTimeout");
        Objects.requireNonNull(settle, "settle");
        if (runTimeout.isNegative() || runTimeout.isZero()) {
            throw new IllegalArgumentException("runTimeout must be positive, was " + runTimeout);
        }
    }
}
