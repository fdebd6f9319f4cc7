package dev.deskpilot.agent.replay;

import java.nio.file.Path;

/** How a replay ended. */
public sealed interface ReplayOutcome {

    /** Every recorded step was performed. */
    record Completed(int steps) implements ReplayOutcome {}

    /**
     * The screen before {@code step} did not look like the recorded frame; nothing of that step
     * was done.
     *
     * @param difference the fraction of pixels that differed
     * @param limit the most allowed
     * @param evidence a folder with {@code expected.png} (recorded), {@code actual.png} (the screen)
     *     and {@code difference.png} (differing pixels in red)
     */
    record Drifted(int step, String action, double difference, double limit, Path evidence) implements ReplayOutcome {}

    /** {@code step} could not be performed. */
    record Failed(int step, String reason) implements ReplayOutcome {}
}
