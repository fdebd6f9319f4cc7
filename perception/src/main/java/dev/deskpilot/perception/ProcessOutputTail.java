package dev.deskpilot.perception;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a long-running process wrote to one of its streams, read by a daemon thread so the
 * process never blocks on a full pipe, and kept in memory so nothing is left on disk.
 */
final class ProcessOutputTail {
    private static final int MAX_LINES = 20;

    private final Deque<String> lines = new ArrayDeque<>();
    private Thread reader;

    private ProcessOutputTail() {}

    /** Starts draining the stream until it ends. */
    static ProcessOutputTail drain(InputStream stream, String threadName) {
        var tail = new ProcessOutputTail();
        tail.reader = new Thread(() -> tail.read(stream), threadName);
        tail.reader.setDaemon(true);
        tail.reader.start();
        return tail;
    }

    private void read(InputStream stream) {
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    if (lines.size() == MAX_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException e) {
            // The stream was closed under us: the process is gone, and so is anything more it said.
        }
    }

    /**
     * The last lines, oldest first, once the stream has ended or the wait is over: a process that
     * just exited may still have lines in the pipe.
     */
    List<String> lines(Duration waitForEnd) {
        try {
            reader.join(waitForEnd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
