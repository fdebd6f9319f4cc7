package dev.deskpilot.agent.record;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.CoordinateMapper;
import dev.deskpilot.actions.Size;
import dev.deskpilot.agent.RunFolder;
import dev.deskpilot.agent.RunInfo;
import dev.deskpilot.agent.RunResult;
import dev.deskpilot.agent.RunStatus;
import dev.deskpilot.agent.StepRecord;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.Screen;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.CoordinateConvention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a person's demonstration into a run folder, in the same step records the agent writes:
 * global mouse and keyboard input is merged into UI-TARS actions ({@link ActionMerger}), and each
 * step stores the screenshot from just before its first input, taken from a ring of frames
 * captured several times a second. The policy is {@code human}; a step's text is its canonical
 * action text.
 *
 * <p>Each step is written (frame, then its steps.jsonl line, flushed) as soon as its action is
 * complete, so a recording killed at any moment keeps every finished step. Pressing the stop keys
 * ends the recording as {@code finished}, with a last step {@code finished(content='')} showing
 * the final screen; {@link #stop()} ends it as {@code stopped}.
 *
 * <p>Threads: jnativehook's dispatch thread pairs each input with its frame; a capture thread fills
 * the ring; a writer thread merges and writes. One recorder per process (jnativehook is global).
 */
public final class Recorder {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    /** How often pending actions are checked for completion while no input arrives. */
    private static final long TICK_MS = 50;

    /** How long {@link #stop()} waits for the last steps and run.json to be written. */
    private static final long STOP_WAIT_SECONDS = 15;

    /** Hears of each step as it is written, e.g. to print it. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param step the step number
         * @param action the canonical action text
         * @param note why the step is not a faithful record, empty if it is
         */
        void stepWritten(int step, String action, String note);
    }

    private sealed interface Item {
        record Input(RawInput raw, Frame frame, long receivedNanos) implements Item {}

        record StopRequest() implements Item {}
    }

    private final Screen screen;
    private final RunFolder folder;
    private final RecordingSettings settings;
    private final Listener listener;
    private final FrameRing ring;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final ActionGrammar grammar;
    private final CoordinateMapper onScreen;

    private volatile boolean capturing = true;
    private NativeInput input;
    private RunInfo info;
    private volatile RunResult result;

    // Written by the writer thread only.
    private int steps;
    private long lastEndMs = Long.MIN_VALUE;
    private long lastSourceMs;
    private long lastReceivedNanos;
    private Frame stopFrame;
    private long stopMs;

    private Recorder(Screen screen, RunFolder folder, RecordingSettings settings, Listener listener) {
        this.screen = screen;
        this.folder = folder;
        this.settings = settings;
        this.listener = listener;
        this.ring = new FrameRing(settings.ringFrames());
        Size size = screen.size();
        this.grammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, size);
        this.onScreen = CoordinateMapper.identity(size);
    }

    /**
     * Starts recording: writes run.json (status {@code running}), starts capturing the screen and
     * installs the input hook. Returns once input is being recorded.
     *
     * @param instruction what the person is demonstrating, for run.json and training
     * @param display the X display this process is connected to, for run.json and messages
     * @throws IOException if run.json cannot be written or input cannot be captured
     */
    public static Recorder start(
            Screen screen,
            RunFolder folder,
            RecordingSettings settings,
            String instruction,
            String display,
            Listener listener)
            throws IOException {
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(listener, "listener");
        Recorder r = new Recorder(screen, folder, settings, listener);
        r.info = RunInfo.started(
                new RunInfo.TaskRef("recording", instruction, "recorded"),
                "human",
                display,
                screen.size().toString(),
                new RunInfo.Settings(0, 0, 0),
                Instant.now());
        folder.writeRunInfo(r.info);
        r.ring.add(r.shoot()); // so that even the first input has a frame before it
        Thread capture = new Thread(r::captureLoop, "deskpilot-record-capture");
        capture.setDaemon(true);
        capture.start();
        try {
            r.input = NativeInput.open(display, r::receive);
        } catch (IOException | RuntimeException e) {
            r.capturing = false;
            r.info = r.info.ended(new RunResult(RunStatus.ERROR, e.getMessage(), 0), List.of(), Instant.now());
            folder.writeRunInfo(r.info);
            throw e;
        }
        Thread writer = new Thread(r::writeLoop, "deskpilot-record-writer");
        writer.setDaemon(true);
        writer.start();
        return r;
    }

    /** Waits until the recording has ended (stop keys, {@link #stop()}, or a failure) and says how. */
    public RunResult await() throws InterruptedException {
        ended.await();
        return result;
    }

    /**
     * Ends the recording as {@code stopped}, writing what is pending first; safe from any thread, for
     * example a shutdown hook on Ctrl+C. Waits up to 15 s for the run folder to be complete.
     */
    public void stop() {
        queue.add(new Item.StopRequest());
        try {
            if (!ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("the recording did not end within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On jnativehook's thread: pair the input with the frame from before it and hand it on. */
    private void receive(RawInput raw, long receivedNanos) {
        long latency = settings.inputLatency().toNanos();
        queue.add(new Item.Input(raw, ring.before(receivedNanos - latency), receivedNanos));
    }

    private FrameRing.Shot shoot() {
        long start = System.nanoTime();
        Frame frame = screen.capture();
        return new FrameRing.Shot(frame, start, System.nanoTime());
    }

    private void captureLoop() {
        long interval = settings.captureInterval().toNanos();
        while (capturing) {
            long next = System.nanoTime() + interval;
            try {
                ring.add(shoot());
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("screen capture failed; the recording keeps the last frames it has", e);
                return;
            }
        }
    }

    private void writeLoop() {
        ActionMerger<Frame> merger = new ActionMerger<>(settings.merge(), settings.stopKeys(), new Sink());
        RunResult outcome;
        try {
            while (true) {
                Item item = queue.poll(TICK_MS, TimeUnit.MILLISECONDS);
                if (item instanceof Item.StopRequest) {
                    merger.finish();
                    outcome = new RunResult(RunStatus.STOPPED, "recording stopped on request", steps);
                    break;
                }
                if (item instanceof Item.Input in) {
                    lastSourceMs = in.raw().timeMs();
                    lastReceivedNanos = in.receivedNanos();
                    merger.accept(in.raw(), in.frame());
                }
                merger.tick(sourceNow());
                if (stopFrame != null) {
                    merger.finish();
                    writeStep(new Action.Finished(""), stopFrame, pauseUntil(stopMs), 0, "");
                    outcome = new RunResult(
                            RunStatus.FINISHED,
                            "the person pressed " + settings.stopKeysText() + " to end the recording",
                            steps);
                    break;
                }
            }
        } catch (UncheckedIOException e) {
            outcome = new RunResult(RunStatus.ERROR, "could not write the recording: " + e.getCause(), steps);
        } catch (InterruptedException e) {
            outcome = new RunResult(RunStatus.STOPPED, "recording interrupted", steps);
        } catch (RuntimeException e) {
            log.warn("recording failed", e);
            outcome = new RunResult(RunStatus.ERROR, "recording failed: " + e, steps);
        }
        finish(outcome);
    }

    private void finish(RunResult outcome) {
        try {
            input.close();
            capturing = false;
            info = info.ended(outcome, List.of(), Instant.now());
            folder.writeRunInfo(info);
            folder.close();
        } catch (IOException | RuntimeException e) {
            log.warn("could not complete run.json of {}", folder.dir(), e);
        } finally {
            result = outcome;
            ended.countDown();
        }
    }

    /** The input source's clock now, from the last event's time and how long ago it arrived. */
    private long sourceNow() {
        return lastSourceMs + (System.nanoTime() - lastReceivedNanos) / 1_000_000;
    }

    private void writeStep(Action action, Frame frame, long pauseMs, long actMs, String note) {
        Action mapped = onScreen.map(action);
        String text = grammar.format(mapped);
        int step = steps + 1;
        try {
            String frameFile = folder.writeFrame(step, frame.image());
            folder.appendStep(new StepRecord(
                    step,
                    frameFile,
                    text,
                    "",
                    frame.size().toString(),
                    List.of(text),
                    List.of(text),
                    new StepRecord.Timings(0, pauseMs, actMs, 0),
                    note));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        steps = step;
        listener.stepWritten(step, text, note);
    }

    /** How long the person paused since the previous step ended, on the input clock; 0 for the first. */
    private long pauseUntil(long startMs) {
        return lastEndMs == Long.MIN_VALUE ? 0 : Math.max(0, startMs - lastEndMs);
    }

    /** Writes merged actions as steps, in the writer thread. */
    private final class Sink implements ActionMerger.Sink<Frame> {
        @Override
        public void action(ActionMerger.Merged<Frame> merged) {
            long pause = pauseUntil(merged.startMs());
            lastEndMs = merged.endMs();
            writeStep(merged.action(), merged.tag(), pause, merged.endMs() - merged.startMs(), merged.note());
        }

        @Override
        public void stop(Frame tag, long timeMs) {
            stopFrame = tag;
            stopMs = timeMs;
        }

        @Override
        public void skipped(String what) {
            log.info("not recorded: {}", what);
        }
    }
}
