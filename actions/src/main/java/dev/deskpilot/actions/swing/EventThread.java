package dev.deskpilot.actions.swing;

import java.awt.EventQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs Swing work on the event dispatch thread (directly when already on it) and hands its result,
 * or its exception unwrapped, back to the caller. Internal helper shared by the modules that drive
 * in-process Swing; not part of deskpilot's API.
 */
public final class EventThread {
    private EventThread() {}

    public static <T> T call(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        if (EventQueue.isDispatchThread()) {
            task.run();
        } else {
            EventQueue.invokeLater(task);
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Swing event thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
