package dev.deskpilot.agent.junit;

import dev.deskpilot.agent.TaskRunner;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * One agent test's run, kept in the test's {@code ExtensionContext.Store} so that JUnit closes it
 * when the test ends however it ends. The run happens on a thread of its own while the test thread
 * waits: a JUnit timeout that interrupts the test thread, or one that abandons it, can then still
 * stop the agent, whose loop ends after its current step, judges the checks, closes the app and
 * writes run.json. Only if it does not end in {@link #STOP_WAIT} is its thread interrupted.
 */
// CloseableResource for JUnit before 5.13, AutoCloseable for 5.13 on (which closes it only once).
@SuppressWarnings("deprecation")
final class AgentSession implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    /** How long a stopped agent may take to finish its step, close the app and write run.json. */
    static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** How long an agent that did not stop may take to end after its thread is interrupted. */
    static final Duration INTERRUPT_WAIT = Duration.ofSeconds(5);

    final AgentRun run = new AgentRun();
    private final CompletableFuture<TaskRunner.Outcome> outcome = new CompletableFuture<>();
    private volatile Thread worker;
    private volatile Runnable stopper = () -> {};
    private volatile String stoppedBecause = "";
    private volatile boolean interrupted;

    /**
     * Runs {@code work} on its own thread and waits for its outcome, at most {@code limit}. If the
     * wait is interrupted or runs out, the agent is stopped with {@code stop} and the outcome of the
     * stopped run is returned; {@link #stoppedBecause()} then says why.
     */
    TaskRunner.Outcome run(String name, Callable<TaskRunner.Outcome> work, Runnable stop, Duration limit)
            throws Exception {
        stopper = stop;
        worker = Thread.ofPlatform().name("deskpilot-agent-" + name).daemon().start(() -> {
            try {
                outcome.complete(work.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        try {
            return outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // JUnit's timeout interrupted the test thread. Remember it, and let the caller set the
            // flag again after writing the report: file channels close when an interrupted thread uses them.
            interrupted = true;
            return stop("the test was interrupted (a JUnit timeout?), so the agent was stopped");
        } catch (TimeoutException e) {
            return stop("the run did not end within " + limit.toSeconds()
                    + " s (the task's launch, step and run timeouts, plus a margin), so the agent was stopped");
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    /** Why the run was cut short by the test, or empty if it ended by itself. */
    String stoppedBecause() {
        return stoppedBecause;
    }

    /** Whether the test thread was interrupted while it waited; the caller restores the flag. */
    boolean interrupted() {
        return interrupted;
    }

    private TaskRunner.Outcome stop(String why) throws Exception {
        stoppedBecause = why;
        stopper.run();
        try {
            try {
                return outcome.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stuck) {
                worker.interrupt();
                return outcome.get(INTERRUPT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionFailedError(
                    why + "; it did not end within "
                            + STOP_WAIT.plus(INTERRUPT_WAIT).toSeconds() + " s after being stopped",
                    e);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new RuntimeException(t);
    }

    /** Stops a run still going when the test ends (a timeout that abandoned the test thread). */
    @Override
    public void close() {
        Thread w = worker;
        if (w == null || !w.isAlive()) {
            return;
        }
        stopper.run();
        try {
            w.join(STOP_WAIT.toMillis());
            if (w.isAlive()) {
                w.interrupt();
                w.join(INTERRUPT_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
