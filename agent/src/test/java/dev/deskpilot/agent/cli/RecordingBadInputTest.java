package dev.deskpilot.agent.cli;

import static dev.deskpilot.agent.cli.CliRun.assertOneLineNaming;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.agent.RunFolder;
import dev.deskpilot.agent.RunInfo;
import dev.deskpilot.agent.StepRecord;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record, replay and dataset export given bad input: one line naming the file, exit 2, nothing changed. */
@DisplayName("record, replay and dataset export with bad input")
class RecordingBadInputTest {
    @TempDir
    Path dir;

    /** A recording of two clicks, written with the agent's own run folder writer. */
    Path recording(String instruction) throws Exception {
        try (RunFolder folder = RunFolder.create(dir, "rec")) {
            folder.writeRunInfo(RunInfo.started(
                    new RunInfo.TaskRef("recording", instruction, "recorded"),
                    "human",
                    ":0",
                    "64x48",
                    new RunInfo.Settings(0, 0, 0),
                    Instant.now()));
            for (int step = 1; step <= 2; step++) {
                String frame = folder.writeFrame(step, new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB));
                String action = "click(start_box='<|box_start|>(" + (10 * step) + ",5)<|box_end|>')";
                folder.appendStep(new StepRecord(
                        step,
                        frame,
                        action,
                        "",
                        "64x48",
                        List.of(action),
                        List.of(action),
                        new StepRecord.Timings(0, 300, 20, 0),
                        ""));
            }
            return folder.dir();
        }
    }

    Path corrupted() throws Exception {
        Path run = recording("Click twice");
        Path steps = run.resolve("steps.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(steps));
        lines.set(1, lines.get(1).substring(0, 30)); // a damaged line with a whole line after it
        lines.add(lines.getFirst().replace("\"step\":1", "\"step\":3"));
        Files.write(steps, lines);
        return run;
    }

    @Test
    @DisplayName("replay of a missing run folder names it")
    void replayMissing() {
        assertOneLineNaming(
                CliRun.of("replay", dir.resolve("nope").toString(), "--display", ":9999"), "nope", "no such");
    }

    @Test
    @DisplayName("replay of a corrupt steps.jsonl names the file and line and leaves it as it was")
    void replayCorrupt() throws Exception {
        Path run = corrupted();
        byte[] before = Files.readAllBytes(run.resolve("steps.jsonl"));
        assertOneLineNaming(CliRun.of("replay", run.toString(), "--display", ":9999"), "steps.jsonl:2:");
        assertArrayEquals(before, Files.readAllBytes(run.resolve("steps.jsonl")));
    }

    @Test
    @DisplayName("export of a corrupt run names the file and line and writes nothing")
    void exportCorrupt() throws Exception {
        Path run = corrupted();
        Path out = dir.resolve("dataset");
        assertOneLineNaming(
                CliRun.of("dataset", "export", run.toString(), "--format", "jsonl", "--out", out.toString()),
                "steps.jsonl:2:");
        assertFalse(Files.exists(out));
    }

    @Test
    @DisplayName("export refuses to write into a run folder, an unknown format, and a run without instruction")
    void exportRefuses() throws Exception {
        Path run = recording("Click twice");
        assertOneLineNaming(
                CliRun.of(
                        "dataset",
                        "export",
                        run.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        run.resolve("data").toString()),
                "inside");
        CliRun format = CliRun.of(
                "dataset",
                "export",
                run.toString(),
                "--format",
                "xml",
                "--out",
                dir.resolve("x").toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("deskpilot, sharegpt or jsonl"), format.err());

        Path bare = recording("");
        assertOneLineNaming(
                CliRun.of(
                        "dataset",
                        "export",
                        bare.toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        dir.resolve("y").toString()),
                "run.json",
                "--instruction");
        CliRun given = CliRun.of(
                "dataset",
                "export",
                bare.toString(),
                "--format",
                "jsonl",
                "--out",
                dir.resolve("y").toString(),
                "--instruction",
                "Click twice");
        assertEquals(0, given.code(), given.err());
        assertTrue(given.out().contains("exported 2 samples"), given.out());
    }

    @Test
    @DisplayName("record rejects stop keys it cannot recognise, before touching any display")
    void badStopKeys() {
        assertOneLineNaming(
                CliRun.of("record", "--display", ":9999", "--stop-keys", "ctrl pause"), "--stop-keys", "pause");
        assertOneLineNaming(CliRun.of("record", "--display", ":9999", "--stop-keys", "ctrl shift"), "--stop-keys");
    }

    @Test
    @DisplayName("--help of the new commands prints usage and exits 0")
    void help() {
        for (String[] command : new String[][] {{"record"}, {"replay"}, {"dataset"}, {"dataset", "export"}}) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", command));
            assertTrue(r.out().contains("Usage: deskpilot " + String.join(" ", command)), r.out());
        }
    }
}
