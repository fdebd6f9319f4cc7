package dev.deskpilot.agent.junit;

import dev.deskpilot.agent.RunInfo;
import dev.deskpilot.tasks.Task;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent run of a {@link DeskpilotTest}, for a test method that wants to check more than the
 * task's checks: declare a parameter of this type. JUnit resolves parameters before the run starts,
 * so this is a handle: its accessors answer once the run is over, which it always is in the body of
 * the test method (the body runs only after a run that passed).
 */
public final class AgentRun {
    private volatile Ended ended;

    AgentRun() {}

    /** What a finished run left behind. */
    record Ended(Task task, Path runDir, RunInfo info, Path report, Optional<Path> gif) {
        Ended {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(runDir, "runDir");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(gif, "gif");
        }
    }

    void end(Ended ended) {
        this.ended = Objects.requireNonNull(ended, "ended");
    }

    /** The task that ran, as read from its file. */
    public Task task() {
        return ended().task();
    }

    /** The run folder: run.json, steps.jsonl, frames/ (docs/run-folder.md), report.html, run.gif. */
    public Path runDir() {
        return ended().runDir();
    }

    /** The contents of run.json: status, reason, steps, timings, checks. */
    public RunInfo info() {
        return ended().info();
    }

    /** The run's HTML report. */
    public Path report() {
        return ended().report();
    }

    /** The run's animated GIF; empty when the run recorded no frame (e.g. the app did not launch). */
    public Optional<Path> gif() {
        return ended().gif();
    }

    /** Whether every check of the task passed; always true in the body of a test method. */
    public boolean passed() {
        return ended().info().passed();
    }

    private Ended ended() {
        Ended e = ended;
        if (e == null) {
            throw new IllegalStateException("the agent run is not over yet: read an AgentRun in the body of its"
                    + " @DeskpilotTest method, not in a @BeforeEach method or another extension");
        }
        return e;
    }

    @Override
    public String toString() {
        Ended e = ended;
        return e == null
                ? "AgentRun(not over yet)"
                : "AgentRun(" + e.info().status().word() + ", " + e.runDir() + ")";
    }
}
