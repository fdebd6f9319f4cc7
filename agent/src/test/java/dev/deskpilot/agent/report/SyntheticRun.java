package dev.deskpilot.agent.report;

import dev.deskpilot.agent.RunFolder;
import dev.deskpilot.agent.RunInfo;
import dev.deskpilot.agent.RunResult;
import dev.deskpilot.agent.RunStatus;
import dev.deskpilot.agent.StepRecord;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run folder written through the real {@link RunFolder} API: plain coloured frames and one step
 * for each kind of action a report draws (click, double click, right click, drag, scroll), one that
 * types (which it only lists), and a last step that clicks and then finishes.
 */
final class SyntheticRun {
    static final int WIDTH = 640;
    static final int HEIGHT = 400;

    /** The screen actions of each step, in order. */
    static final List<List<String>> STEPS = List.of(
            List.of("click(start_box='<|box_start|>(100,80)<|box_end|>')"),
            List.of("left_double(start_box='<|box_start|>(200,120)<|box_end|>')"),
            List.of("right_single(start_box='<|box_start|>(300,160)<|box_end|>')"),
            List.of("drag(start_box='<|box_start|>(120,300)<|box_end|>', end_box='<|box_start|>(420,320)<|box_end|>')"),
            List.of("scroll(start_box='<|box_start|>(500,200)<|box_end|>', direction='down')"),
            List.of("type(content='Ada <Lovelace> & \"friends\"')"),
            List.of("click(start_box='<|box_start|>(600,360)<|box_end|>')", "finished(content='All done.')"));

    private SyntheticRun() {}

    /** Writes the run under {@code parent} and returns its folder. */
    static Path write(Path parent, String taskId, RunStatus status, boolean passed) throws IOException {
        Instant start = Instant.parse("2025-01-02T03:04:05Z");
        try (RunFolder folder = RunFolder.create(parent, taskId)) {
            RunInfo info = RunInfo.started(
                    new RunInfo.TaskRef(taskId, "Fill in the <form> & submit", "synthetic.json"),
                    "scripted",
                    ":99",
                    WIDTH + "x" + HEIGHT,
                    new RunInfo.Settings(10, 1000, 60000),
                    start);
            folder.writeRunInfo(info);
            for (int i = 0; i < STEPS.size(); i++) {
                int step = i + 1;
                String frame = folder.writeFrame(step, frame(step));
                List<String> actions = STEPS.get(i);
                folder.appendStep(new StepRecord(
                        step,
                        frame,
                        "Thought: step " + step + " thinks <carefully>\nAction: " + String.join("\n\n", actions),
                        "step " + step + " thinks <carefully>",
                        WIDTH + "x" + HEIGHT,
                        actions,
                        actions,
                        new StepRecord.Timings(3, 10 * step, 20, 150),
                        ""));
            }
            List<RunInfo.CheckOutcome> checks =
                    List.of(new RunInfo.CheckOutcome("state name equals 'Ada'", passed, "expected 'Ada', saw 'Ada'"));
            folder.writeRunInfo(
                    info.ended(new RunResult(status, "All done.", STEPS.size()), checks, start.plusMillis(4321)));
            return folder.dir();
        }
    }

    /** A frame that differs per step: a grey screen with a coloured band whose height is the step. */
    private static BufferedImage frame(int step) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xdd, 0xdd, 0xdd));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0x33, 0x66, 0x99));
        g.fillRect(0, 0, WIDTH, 10 * step);
        g.dispose();
        return image;
    }
}
