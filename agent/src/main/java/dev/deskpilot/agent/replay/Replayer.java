package dev.deskpilot.agent.replay;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Executor;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.Screen;
import dev.deskpilot.perception.Settle;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.ActionSyntaxException;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.data.DatasetException;
import dev.deskpilot.policy.data.Trajectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;

/**
 * Performs a recorded run's screen actions again, step by step: a recorded demonstration or an
 * agent's run alike. Before each step it waits the recorded pause (scaled by {@link
 * ReplaySettings#speed()}), moves the pointer to where the step acts (the recorded frame was taken
 * with the person's pointer there, and hover effects show), waits for the screen to settle, and
 * with a check limit compares the screen with the recorded frame. The replay ends after the last
 * step, at {@code finished} or {@code call_user}, or at the first step that drifted or failed.
 */
public final class Replayer {

    /** Moves the pointer without pressing anything. */
    @FunctionalInterface
    public interface Pointer {
        void moveTo(Point at);
    }

    /** Hears of each step before it is performed. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param difference with a check, the fraction of pixels that differed from the recorded
         *     frame (within the limit, or the step would not be performed)
         */
        void performing(int step, List<String> actions, OptionalDouble difference);
    }

    private final Screen screen;
    private final Executor executor;
    private final Pointer pointer;
    private final ReplaySettings settings;

    public Replayer(Screen screen, Executor executor, Pointer pointer, ReplaySettings settings) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Checks that {@code run} can be replayed on this screen: it was recorded on a screen of the
     * same size, and every step's actions parse.
     *
     * @throws DatasetException naming the run.json or steps.jsonl line that makes it impossible
     */
    public void validate(Trajectory run) throws DatasetException {
        Size here = screen.size();
        if (run.screen().isPresent() && !run.screen().get().equals(here)) {
            throw new DatasetException(run.dir().resolve("run.json") + ": recorded on a "
                    + run.screen().get() + " screen, but this screen is " + here
                    + "; replay on a screen of the recorded size");
        }
        for (Trajectory.Step step : run.steps()) {
            actions(run, step);
        }
    }

    /** Replays {@code run}; see the class comment. Call {@link #validate} first. */
    public ReplayOutcome replay(Trajectory run, Listener listener) throws InterruptedException, IOException {
        int performed = 0;
        for (Trajectory.Step step : run.steps()) {
            if (step.screenActions().isEmpty()) {
                continue; // the policy failed there, so nothing was done
            }
            if (!step.error().isEmpty()) {
                return new ReplayOutcome.Failed(
                        step.number(),
                        "step " + step.number() + " was recorded with an error, so it is not replayed: "
                                + step.error());
            }
            List<Action> actions = actions(run, step);
            long pause = Math.round(step.pauseMs() / settings.speed());
            if (pause > 0) {
                Thread.sleep(pause);
            }
            firstPoint(actions.getFirst()).ifPresent(pointer::moveTo);
            Frame now = Settle.DEFAULT.await(screen, settings.settleTimeout()).frame();
            OptionalDouble difference = OptionalDouble.empty();
            if (settings.maxDifference().isPresent()) {
                BufferedImage expected = ImageIO.read(step.frame().toFile());
                if (expected == null) {
                    throw new DatasetException(step.frame() + ": not an image ImageIO can read");
                }
                difference = OptionalDouble.of(FrameDifference.between(expected, now.image()));
                if (difference.getAsDouble() > settings.maxDifference().getAsDouble()) {
                    return drifted(step, expected, now, difference.getAsDouble());
                }
            }
            listener.performing(step.number(), step.screenActions(), difference);
            for (Action action : actions) {
                switch (action) {
                    case Action.Finished f -> {
                        return new ReplayOutcome.Completed(performed + 1);
                    }
                    case Action.CallUser c -> {
                        return new ReplayOutcome.Completed(performed + 1);
                    }
                    default -> {
                        try {
                            executor.execute(action);
                        } catch (ActionFailedException e) {
                            return new ReplayOutcome.Failed(
                                    step.number(),
                                    action.verb() + " at step " + step.number() + " failed: " + e.getMessage());
                        }
                    }
                }
            }
            performed++;
        }
        Settle.DEFAULT.await(screen, settings.settleTimeout());
        return new ReplayOutcome.Completed(performed);
    }

    private ReplayOutcome drifted(Trajectory.Step step, BufferedImage expected, Frame now, double difference)
            throws IOException {
        Path evidence = Files.createTempDirectory("deskpilot-drift-");
        ImageIO.write(expected, "png", evidence.resolve("expected.png").toFile());
        ImageIO.write(now.image(), "png", evidence.resolve("actual.png").toFile());
        ImageIO.write(
                FrameDifference.map(expected, now.image()),
                "png",
                evidence.resolve("difference.png").toFile());
        return new ReplayOutcome.Drifted(
                step.number(),
                String.join("; ", step.screenActions()),
                difference,
                settings.maxDifference().getAsDouble(),
                evidence);
    }

    private static List<Action> actions(Trajectory run, Trajectory.Step step) throws DatasetException {
        Size size = run.screen().orElse(new Size(Integer.MAX_VALUE, Integer.MAX_VALUE));
        ActionGrammar grammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, size);
        List<Action> actions = new ArrayList<>();
        for (String text : step.screenActions()) {
            try {
                actions.addAll(grammar.parse("Action: " + text).actions());
            } catch (ActionSyntaxException e) {
                throw new DatasetException(run.stepsFile() + ":" + step.line() + ": " + e.getMessage());
            }
        }
        return actions;
    }

    /** Where a pointer action starts, if it is one. */
    private static Optional<Point> firstPoint(Action action) {
        return switch (action) {
            case Action.Click c -> Optional.of(c.at());
            case Action.DoubleClick d -> Optional.of(d.at());
            case Action.RightClick r -> Optional.of(r.at());
            case Action.Drag d -> Optional.of(d.from());
            case Action.Scroll s -> Optional.of(s.at());
            case Action.TypeText t -> Optional.empty();
            case Action.Hotkey h -> Optional.empty();
            case Action.Wait w -> Optional.empty();
            case Action.Finished f -> Optional.empty();
            case Action.CallUser c -> Optional.empty();
        };
    }
}
