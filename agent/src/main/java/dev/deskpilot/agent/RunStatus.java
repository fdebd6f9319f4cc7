package dev.deskpilot.agent;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a run ended (or that it is still going). */
public enum RunStatus {
    /** Still going; a run folder that stays in this state was killed. */
    RUNNING,
    /** The policy said {@code finished()}. */
    FINISHED,
    /** The policy said {@code call_user()}: it needs a person. */
    CALL_USER,
    /** The step limit was reached before the policy finished. */
    MAX_STEPS,
    /** Stopped from outside (Ctrl+C, a stop request, or the run's time limit). */
    STOPPED,
    /** Something failed: the policy, an action, or the screen. */
    ERROR;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
