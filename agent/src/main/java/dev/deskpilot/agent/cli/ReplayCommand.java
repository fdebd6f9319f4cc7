package dev.deskpilot.agent.cli;

import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.agent.replay.ReplayOutcome;
import dev.deskpilot.agent.replay.ReplaySettings;
import dev.deskpilot.agent.replay.Replayer;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.policy.data.DatasetException;
import dev.deskpilot.policy.data.Trajectory;
import java.awt.AWTException;
import java.awt.Robot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Perform a run's recorded screen actions again (a recorded demonstration or an agent run), waiting for the screen to settle between steps. Put the app in the state the recording started from first. With --check, the screen before each step is compared with the recorded frame, and the replay stops at the first step where more than --max-difference of the pixels differ, saving both pictures."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every step was performed (and matched, with --check)",
            "1:the screen drifted from the recording, or a step failed",
            "2:bad input (no such run folder, a corrupt steps.jsonl, another screen size)"
        })
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "The run folder to replay.")
    Path runDir;

    @Mixin
    DisplayOptions display;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "1",
            description = "Pause X times shorter than recorded between steps (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--check", description = "Compare the screen with the recorded frame before each step.")
    boolean check;

    @Option(
            names = "--max-difference",
            paramLabel = "PERCENT",
            defaultValue = "1",
            description = "With --check: the most pixels, in percent of the screen, that may differ noticeably"
                    + " (default: ${DEFAULT-VALUE}, about a 100x100 patch of a 1280x800 screen).")
    double maxDifferencePercent;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new BadInputException("--speed must be a positive number, was " + speed);
        }
        if (!(maxDifferencePercent >= 0 && maxDifferencePercent <= 100)) {
            throw new BadInputException(
                    "--max-difference must be a percentage from 0 to 100, was " + maxDifferencePercent);
        }
        Trajectory run;
        try {
            run = Trajectory.read(runDir);
        } catch (DatasetException e) {
            throw new BadInputException(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        DisplayOptions.DisplaySession session = display.open(true);
        stdout.println("display " + session.display() + (session.privateXvfb() ? " (private Xvfb)" : ""));
        RobotScreen screen = RobotScreen.open();
        RobotExecutor executor = RobotExecutor.open(session.display());
        Robot pointer;
        try {
            pointer = new Robot();
        } catch (AWTException e) {
            throw new IllegalStateException(
                    "cannot move the pointer on " + session.display() + ": " + e.getMessage(), e);
        }
        ReplaySettings settings = new ReplaySettings(
                speed,
                check ? OptionalDouble.of(maxDifferencePercent / 100) : OptionalDouble.empty(),
                Duration.ofSeconds(5));
        Replayer replayer = new Replayer(screen, executor, at -> pointer.mouseMove(at.x(), at.y()), settings);
        try {
            replayer.validate(run);
        } catch (DatasetException e) {
            throw new BadInputException(e.getMessage());
        }
        stdout.flush();
        ReplayOutcome outcome = replayer.replay(run, (step, actions, difference) -> {
            stdout.println("step " + step + ": " + String.join("; ", actions)
                    + (difference.isPresent()
                            ? "  (screen differs by " + percent(difference.getAsDouble()) + ")"
                            : ""));
            stdout.flush();
        });
        return switch (outcome) {
            case ReplayOutcome.Completed c -> {
                stdout.println(
                        "replayed " + c.steps() + " steps" + (check ? ", each screen matched its recording" : ""));
                yield ExitCodes.OK;
            }
            case ReplayOutcome.Drifted d -> {
                stdout.println("DRIFTED at step " + d.step() + " (" + d.action() + "): "
                        + percent(d.difference()) + " of the screen differs from the recorded frame (limit "
                        + percent(d.limit()) + "); nothing of step " + d.step() + " was done");
                stdout.println("recorded, actual and difference pictures: " + d.evidence());
                yield ExitCodes.FAILED;
            }
            case ReplayOutcome.Failed f -> {
                stdout.println("FAILED at step " + f.step() + ": " + f.reason());
                yield ExitCodes.FAILED;
            }
        };
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
