package dev.deskpilot.agent.cli;

import dev.deskpilot.agent.RunFolder;
import dev.deskpilot.agent.RunResult;
import dev.deskpilot.agent.RunStatus;
import dev.deskpilot.agent.record.Recorder;
import dev.deskpilot.agent.record.RecordingSettings;
import dev.deskpilot.perception.RobotScreen;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Record a demonstration: your mouse and keyboard input on the display becomes UI-TARS actions (click, left_double, right_single, drag, scroll, type, hotkey), each stored with the screenshot from just before it, in a run folder under --out (the format `run` writes). Press the stop keys (default Ctrl+Shift+F12) to end; Ctrl+C also ends it, as stopped. Every finished step is on disk at once, even if the process is killed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the recording ended and is complete", "1:recording failed", "2:bad input"})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DisplayOptions display;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "Folder that receives the run folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--instruction",
            paramLabel = "TEXT",
            defaultValue = "",
            description = "What you are demonstrating, e.g. \"Subscribe Ada Lovelace to the newsletter\";"
                    + " stored in run.json and used as the instruction when training.")
    String instruction;

    @Option(
            names = "--stop-keys",
            paramLabel = "KEYS",
            defaultValue = "ctrl shift f12",
            description = "The keys that end the recording, as in hotkey(): modifiers plus one key"
                    + " (default: ${DEFAULT-VALUE}). They are not recorded.")
    String stopKeys;

    @Override
    public Integer call() throws Exception {
        RecordingSettings settings;
        try {
            settings = RecordingSettings.DEFAULT.withStopKeys(
                    List.of(stopKeys.strip().split("\\s+")));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--stop-keys: " + e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        DisplayOptions.DisplaySession session = display.open(true);
        stdout.println("display " + session.display() + (session.privateXvfb() ? " (private Xvfb)" : ""));
        RobotScreen screen = RobotScreen.open();
        try (RunFolder folder = RunFolder.create(out, "recording")) {
            stdout.println("recording to: " + folder.dir().toAbsolutePath());
            stdout.flush();
            Recorder recorder =
                    Recorder.start(screen, folder, settings, instruction, session.display(), (step, action, note) -> {
                        stdout.println("step " + step + ": " + action + (note.isEmpty() ? "" : "  (" + note + ")"));
                        stdout.flush();
                    });
            stdout.println("recording; press " + settings.stopKeysText() + " to stop");
            stdout.flush();
            // Ctrl+C (a JVM shutdown) ends the recording cleanly, as stopped.
            Thread stopper = new Thread(recorder::stop, "deskpilot-record-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            RunResult result = recorder.await();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; the recording is complete either way.
            }
            stdout.println("status: " + result.status().word() + " (" + result.reason() + ")");
            stdout.println("steps: " + result.steps());
            stdout.println("run folder: " + folder.dir().toAbsolutePath());
            stdout.flush();
            return result.status() == RunStatus.ERROR ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }
}
