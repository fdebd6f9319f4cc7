package dev.deskpilot.agent;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.CoordinateMapper;
import dev.deskpilot.actions.Executor;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.Screen;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.Decision;
import dev.deskpilot.policy.Observation;
import dev.deskpilot.policy.Policy;
import dev.deskpilot.policy.PolicyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The perceive-decide-act loop: capture the screen, ask the policy, map its actions from the
 * policy's image to the screen, execute them, record the step, and go again until the policy
 * finishes, calls the user, runs out of steps or time, or something fails.
 */
public final class Agent {
    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    private final Screen screen;
    private final Policy policy;
    private final Executor executor;
    private final AgentSettings settings;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    public Agent(Screen screen, Policy policy, Executor executor, AgentSettings settings) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Asks a running loop to stop after the step in progress; safe to call from any thread. */
    public void stop() {
        stopRequested.set(true);
    }

    /** Runs the loop for one instruction, writing every step to {@code folder} as it goes. */
    public RunResult run(String instruction, RunFolder folder) throws IOException {
        long deadline = System.nanoTime() + settings.runTimeout().toNanos();
        Size screenSize = screen.size();
        ActionGrammar screenGrammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, screenSize);
        List<String> history = new ArrayList<>();
        for (int step = 1; step <= settings.maxSteps(); step++) {
            if (stopRequested.get()) {
                return new RunResult(RunStatus.STOPPED, "stopped on request before step " + step, step - 1);
            }
            if (System.nanoTime() > deadline) {
                return new RunResult(
                        RunStatus.STOPPED, "run time limit of " + settings.runTimeout() + " reached", step - 1);
            }

            long t0 = System.nanoTime();
            Frame frame = screen.capture();
            long t1 = System.nanoTime();
            String frameFile = folder.writeFrame(step, frame.image());

            Decision decision;
            try {
                decision = policy.decide(new Observation(instruction, frame, history));
            } catch (PolicyException e) {
                long t2 = System.nanoTime();
                folder.appendStep(new StepRecord(
                        step,
                        frameFile,
                        "",
                        "",
                        frame.size().toString(),
                        List.of(),
                        List.of(),
                        new StepRecord.Timings(ms(t1 - t0), ms(t2 - t1), 0, 0),
                        e.getMessage()));
                return new RunResult(RunStatus.ERROR, "policy failed at step " + step + ": " + e.getMessage(), step);
            }
            long t2 = System.nanoTime();

            CoordinateMapper toScreen = new CoordinateMapper(decision.imageSize(), screenSize);
            ActionGrammar imageGrammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, decision.imageSize());
            List<String> actionTexts = new ArrayList<>();
            List<String> screenTexts = new ArrayList<>();
            Optional<RunResult> ending = Optional.empty();
            for (Action action : decision.actions()) {
                Action onScreen = toScreen.map(action);
                actionTexts.add(imageGrammar.format(action));
                screenTexts.add(screenGrammar.format(onScreen));
                ending = switch (onScreen) {
                    case Action.Finished f -> Optional.of(new RunResult(RunStatus.FINISHED, f.content(), step));
                    case Action.CallUser c ->
                        Optional.of(new RunResult(RunStatus.CALL_USER, "the policy asked for a person", step));
                    default -> execute(onScreen, step);
                };
                if (ending.isPresent()) {
                    break;
                }
            }
            String error = ending.filter(e -> e.status() == RunStatus.ERROR)
                    .map(RunResult::reason)
                    .orElse("");
            long t3 = System.nanoTime();
            long settleMs = 0;
            if (ending.isEmpty()) {
                try {
                    settings.settle().await(screen, settings.settleTimeout());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested.set(true);
                }
                settleMs = ms(System.nanoTime() - t3);
            }
            folder.appendStep(new StepRecord(
                    step,
                    frameFile,
                    decision.text(),
                    decision.thought(),
                    decision.imageSize().toString(),
                    actionTexts,
                    screenTexts,
                    new StepRecord.Timings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), settleMs),
                    error));
            log.debug("step {}: {}", step, screenTexts);
            if (ending.isPresent()) {
                return ending.get();
            }
            history.add(decision.text());
        }
        return new RunResult(
                RunStatus.MAX_STEPS, "reached the limit of " + settings.maxSteps() + " steps", settings.maxSteps());
    }

    /** Executes one input action; returns an error ending if it failed, or empty to go on. */
    private Optional<RunResult> execute(Action action, int step) {
        try {
            executor.execute(action);
            return Optional.empty();
        } catch (ActionFailedException e) {
            return Optional.of(new RunResult(
                    RunStatus.ERROR,
                    "action " + action.verb() + " failed at step " + step + ": " + e.getMessage(),
                    step));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
