package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.agent.RunFolder;
import dev.deskpilot.agent.RunInfo;
import dev.deskpilot.agent.RunResult;
import dev.deskpilot.agent.RunStatus;
import dev.deskpilot.agent.StepRecord;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot report")
class ReportCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A one-step run folder, written with the same API the agent uses. */
    static Path oneStepRun(Path parent, String task, boolean passed) throws IOException {
        Instant t = Instant.now();
        try (RunFolder folder = RunFolder.create(parent, task)) {
            RunInfo info = RunInfo.started(
                    new RunInfo.TaskRef(task, "click the button", "t.json"),
                    "scripted",
                    ":1",
                    "320x200",
                    new RunInfo.Settings(3, 100, 1000),
                    t);
            String frame = folder.writeFrame(1, new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB));
            String click = "click(start_box='<|box_start|>(10,20)<|box_end|>')";
            folder.appendStep(new StepRecord(
                    1,
                    frame,
                    click,
                    "",
                    "320x200",
                    List.of(click),
                    List.of(click),
                    new StepRecord.Timings(1, 2, 3, 4),
                    ""));
            folder.writeRunInfo(info.ended(
                    new RunResult(RunStatus.FINISHED, "done", 1),
                    List.of(new RunInfo.CheckOutcome("c", passed, "d")),
                    t.plusMillis(10)));
            return folder.dir();
        }
    }

    @Test
    @DisplayName("renders a run folder's report.html and prints its path")
    void runFolder() throws IOException {
        Path run = oneStepRun(dir, "button", true);
        Result r = run("report", run.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "report: " + run.resolve("report.html").toAbsolutePath(),
                r.out().strip());
        assertTrue(Files.readString(run.resolve("report.html")).contains("id=\"step-1\""));
    }

    @Test
    @DisplayName("with --gif on a folder of runs writes each run's report and GIF and the index")
    void folderOfRuns() throws IOException {
        Path a = oneStepRun(dir.resolve("eval"), "button", true);
        Path b = oneStepRun(dir.resolve("eval"), "button", false);
        Result r = run("report", "--gif", dir.resolve("eval").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out()
                        .strip()
                        .endsWith("report: " + dir.resolve("eval/index.html").toAbsolutePath()),
                r.out());
        for (Path run : List.of(a, b)) {
            assertTrue(Files.isRegularFile(run.resolve("report.html")), run + "/report.html");
            assertTrue(Files.isRegularFile(run.resolve("run.gif")), run + "/run.gif");
        }
    }

    @Test
    @DisplayName("exits 2 with one line for a folder without runs")
    void noRuns() throws IOException {
        Files.createDirectories(dir.resolve("empty/sub"));
        Result r = run("report", dir.resolve("empty").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("neither a run folder"), r.err());
    }
}
