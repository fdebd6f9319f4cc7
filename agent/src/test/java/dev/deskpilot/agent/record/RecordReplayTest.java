package dev.deskpilot.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import dev.deskpilot.actions.Size;
import dev.deskpilot.agent.cli.ChildJvm;
import dev.deskpilot.agent.cli.CliRun;
import dev.deskpilot.agent.replay.FrameDifference;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.data.DatasetReader;
import dev.deskpilot.policy.data.Sample;
import dev.deskpilot.policy.data.SampleSpace;
import dev.deskpilot.policy.data.Trajectory;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording and replay on a private Xvfb: xdotool plays the person against a real Swing window
 * while {@code deskpilot record} runs in a child JVM, as a user would run it.
 */
@DisplayName("deskpilot record and replay")
class RecordReplayTest {
    /** Printable characters xdotool types through the US keymap, with and without Shift. */
    static final String TEXT = "Hi, World: 5 > 3 & \"quoted\" (a|b) @x_y! ~{[]}?";

    /** A person's pause between actions: longer than a double click and a wheel rest. */
    static final Duration BETWEEN = Duration.ofMillis(700);

    static String display;

    @TempDir
    Path out;

    @BeforeAll
    static void connect() throws Exception {
        display = Displays.ensurePrivateXvfb(new Size(1024, 768));
    }

    static void xdotool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "xdotool " + command + " hung");
        assertEquals(0, p.exitValue(), "xdotool " + command + ": " + output);
    }

    static void pause(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    /** Moves to a point and rests there, as a hand does before it clicks. */
    static void moveTo(int x, int y) throws Exception {
        xdotool("mousemove", String.valueOf(x), String.valueOf(y));
        pause(Duration.ofMillis(300));
    }

    ChildJvm startRecording() throws Exception {
        ChildJvm recorder = ChildJvm.deskpilot(
                "record", "--display", display, "--out", out.toString(), "--instruction", "Fill in the playground");
        recorder.await("recording; press Ctrl+Shift+F12 to stop", Duration.ofSeconds(60));
        return recorder;
    }

    static List<Action> recordedActions(Trajectory run) throws Exception {
        ActionGrammar grammar =
                new ActionGrammar(CoordinateConvention.ABSOLUTE, run.screen().orElseThrow());
        List<Action> actions = new ArrayList<>();
        for (Trajectory.Step step : run.steps()) {
            assertEquals(1, step.screenActions().size(), "one action per recorded step: " + step);
            assertEquals(step.screenActions().getFirst(), step.text(), "a step's text is its action text");
            assertEquals("", step.error(), "step " + step.number());
            actions.add(grammar.parse("Action: " + step.text()).actions().getFirst());
        }
        return actions;
    }

    @Test
    @DisplayName("records what a person does as the script's actions, and replay reaches the same state")
    void recordAndReplay() throws Exception {
        Playground app = Playground.open();
        Map<String, String> recordedState;
        Path runDir;
        try (ChildJvm recorder = startRecording()) {
            pause(BETWEEN);
            moveTo(170, 36);
            xdotool("click", "1");
            pause(BETWEEN);
            xdotool("type", "--delay", "40", TEXT);
            pause(BETWEEN);
            xdotool("key", "ctrl+a");
            pause(BETWEEN);
            xdotool("type", "--delay", "40", "Ada Lovelace");
            xdotool("key", "Return");
            pause(BETWEEN);
            moveTo(100, 84);
            xdotool("click", "1");
            pause(BETWEEN);
            moveTo(95, 190);
            xdotool("click", "--repeat", "2", "--delay", "120", "1");
            pause(BETWEEN);
            moveTo(275, 190);
            xdotool("click", "3");
            pause(BETWEEN);
            moveTo(500, 120);
            xdotool("click", "--repeat", "3", "--delay", "60", "5");
            pause(BETWEEN);
            moveTo(500, 60);
            xdotool("click", "1");
            pause(BETWEEN);
            moveTo(60, 270);
            xdotool("mousedown", "1");
            for (int[] p : new int[][] {{150, 290}, {300, 310}, {420, 330}}) {
                pause(Duration.ofMillis(60));
                xdotool("mousemove", String.valueOf(p[0]), String.valueOf(p[1]));
            }
            pause(Duration.ofMillis(60));
            xdotool("mouseup", "1");
            pause(BETWEEN);
            moveTo(80, 128);
            xdotool("click", "1");
            pause(BETWEEN);
            recordedState = app.state();
            xdotool("key", "ctrl+shift+F12");
            assertEquals(0, recorder.waitFor(Duration.ofSeconds(60)), recorder.output());
            runDir = Path.of(recorder.await("run folder:", Duration.ZERO));
        } finally {
            app.close();
        }

        // The person really did all of it.
        assertEquals("Ada Lovelace", recordedState.get("submitted"), recordedState.toString());
        assertEquals("true", recordedState.get("checked"));
        assertEquals("1", recordedState.get("doubleClicks"));
        assertEquals("1", recordedState.get("rightClicks"));
        assertEquals("true", recordedState.get("dropped"));
        assertEquals("true", recordedState.get("done"));
        assertTrue(Integer.parseInt(recordedState.get("firstVisible")) > 0, recordedState.toString());

        Trajectory run = Trajectory.read(runDir);
        assertEquals("human", run.policy());
        assertEquals("finished", run.status());
        assertEquals("Fill in the playground", run.instruction());
        List<Action> expected = List.of(
                new Action.Click(new Point(170, 36)),
                new Action.TypeText(TEXT),
                new Action.Hotkey(List.of("ctrl", "a")),
                new Action.TypeText("Ada Lovelace\n"),
                new Action.Click(new Point(100, 84)),
                new Action.DoubleClick(new Point(95, 190)),
                new Action.RightClick(new Point(275, 190)),
                new Action.Scroll(new Point(500, 120), ScrollDirection.DOWN, 3),
                new Action.Click(new Point(500, 60)),
                new Action.Drag(new Point(60, 270), new Point(420, 330)),
                new Action.Click(new Point(80, 128)),
                new Action.Finished(""));
        assertSameActions(expected, recordedActions(run));
        for (Trajectory.Step step : run.steps()) {
            BufferedImage frame = ImageIO.read(step.frame().toFile());
            assertNotNull(frame, step.frame().toString());
            assertEquals(run.screen().orElseThrow().width(), frame.getWidth());
        }

        // Each frame shows the screen before its step: the pad still says "double-click me" in the
        // frame of the double click, and has changed in the next step's frame.
        Rectangle pad = Playground.DOUBLE_PAD;
        BufferedImage beforeDoubleClick = region(run.steps().get(5), pad);
        assertEquals(0.0, FrameDifference.between(region(run.steps().getFirst(), pad), beforeDoubleClick), "step 6");
        assertTrue(FrameDifference.between(beforeDoubleClick, region(run.steps().get(6), pad)) > 0.01, "step 7");

        // Replay on a fresh window, comparing each screen with the recording before acting.
        Playground fresh = Playground.open();
        try {
            CliRun replay = CliRun.of("replay", runDir.toString(), "--display", display, "--speed", "4", "--check");
            assertEquals(0, replay.code(), replay.out() + replay.err());
            assertTrue(replay.out().contains("replayed 12 steps, each screen matched"), replay.out());
            assertEquals(recordedState, fresh.state());
        } finally {
            fresh.close();
        }

        // Without the window the screen has drifted before the first step, and nothing is done.
        pause(Duration.ofMillis(300));
        CliRun drifted = CliRun.of("replay", runDir.toString(), "--display", display, "--check");
        assertEquals(1, drifted.code(), drifted.out() + drifted.err());
        assertTrue(
                drifted.out().contains("DRIFTED at step 1 (click(start_box='<|box_start|>(170,36)<|box_end|>'))"),
                drifted.out());
        Path evidence = Path.of(drifted.out()
                .lines()
                .filter(l -> l.startsWith("recorded, actual and difference pictures: "))
                .findFirst()
                .orElseThrow()
                .substring("recorded, actual and difference pictures: ".length()));
        for (String picture : List.of("expected.png", "actual.png", "difference.png")) {
            assertTrue(Files.isRegularFile(evidence.resolve(picture)), picture);
        }

        // The recording exports, and reads back as the same samples.
        DatasetReader reader = new DatasetReader(SampleSpace.UI_TARS_1_5);
        List<Sample> fromRun = reader.read(runDir);
        assertEquals(12, fromRun.size());
        for (String format : List.of("deskpilot", "sharegpt", "jsonl")) {
            Path dataset = out.resolve("dataset-" + format);
            CliRun export =
                    CliRun.of("dataset", "export", runDir.toString(), "--format", format, "--out", dataset.toString());
            assertEquals(0, export.code(), export.out() + export.err());
            List<Sample> back = reader.read(dataset);
            assertEquals(fromRun.size(), back.size(), format);
            for (int i = 0; i < back.size(); i++) {
                assertEquals(fromRun.get(i).id(), back.get(i).id(), format);
                assertEquals(fromRun.get(i).prompt(), back.get(i).prompt(), format);
                assertEquals(fromRun.get(i).reply(), back.get(i).reply(), format);
                assertEquals(
                        pixels(fromRun.get(i).image().load()).length,
                        pixels(back.get(i).image().load()).length);
                assertTrue(
                        java.util.Arrays.equals(
                                pixels(fromRun.get(i).image().load()),
                                pixels(back.get(i).image().load())),
                        format + " image of " + back.get(i).id());
            }
        }
    }

    static BufferedImage region(Trajectory.Step step, Rectangle r) throws IOException {
        return ImageIO.read(step.frame().toFile()).getSubimage(r.x, r.y, r.width, r.height);
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Same kinds and text; points within 2 px. */
    static void assertSameActions(List<Action> expected, List<Action> actual) {
        assertEquals(
                expected.stream().map(Action::verb).toList(),
                actual.stream().map(Action::verb).toList(),
                "kinds of actions: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Action e = expected.get(i);
            Action a = actual.get(i);
            String where = "action " + (i + 1) + ": expected " + e + ", recorded " + a;
            switch (e) {
                case Action.Click c -> near(c.at(), ((Action.Click) a).at(), where);
                case Action.DoubleClick d -> near(d.at(), ((Action.DoubleClick) a).at(), where);
                case Action.RightClick r -> near(r.at(), ((Action.RightClick) a).at(), where);
                case Action.Drag d -> {
                    near(d.from(), ((Action.Drag) a).from(), where);
                    near(d.to(), ((Action.Drag) a).to(), where);
                }
                case Action.Scroll s -> {
                    Action.Scroll r = assertInstanceOf(Action.Scroll.class, a);
                    near(s.at(), r.at(), where);
                    assertEquals(s.direction(), r.direction(), where);
                    assertEquals(s.amount(), r.amount(), where);
                }
                default -> assertEquals(e, a, where);
            }
        }
    }

    static void near(Point expected, Point actual, String where) {
        assertTrue(
                Math.abs(expected.x() - actual.x()) <= 2 && Math.abs(expected.y() - actual.y()) <= 2,
                where + " (more than 2 px apart)");
    }

    @Test
    @DisplayName("a recording killed with SIGKILL keeps every finished step, readable, unknown characters flagged")
    void killed() throws Exception {
        ChildJvm recorder = startRecording();
        Path runDir = Path.of(recorder.await("recording to:", Duration.ZERO));
        Path steps = runDir.resolve("steps.jsonl");
        int[][] points = {{600, 400}, {560, 440}, {520, 400}};
        try {
            for (int[] p : points) {
                pause(Duration.ofMillis(300));
                xdotool("mousemove", String.valueOf(p[0]), String.valueOf(p[1]), "click", "1");
                pause(BETWEEN);
            }
            // xdotool types é by binding a spare key for a moment; the hook cannot tell which
            // character that was, and the step must say so rather than record a wrong text.
            xdotool("type", "--delay", "60", "café");
            xdotool("key", "Return");
            awaitLines(steps, 4, recorder);
            xdotool("type", "--delay", "40", "unfinished"); // a step still in progress when killed
        } finally {
            recorder.kill();
        }

        Trajectory run = Trajectory.read(runDir);
        assertEquals("running", run.status(), "a killed recording never got to write its ending");
        assertEquals(4, run.steps().size(), "the three clicks and the typing ended by Enter");
        Trajectory.Step typed = run.steps().get(3);
        assertEquals("type(content='caf\uFFFD\\n')", typed.text());
        assertTrue(typed.error().contains("1 typed character could not be identified"), typed.error());
        List<Action> actions = recordedActions(new Trajectory(
                run.dir(),
                run.instruction(),
                run.policy(),
                run.screen(),
                run.status(),
                run.steps().subList(0, 3)));
        assertSameActions(
                List.of(
                        new Action.Click(new Point(600, 400)),
                        new Action.Click(new Point(560, 440)),
                        new Action.Click(new Point(520, 400))),
                actions);
        for (Trajectory.Step step : run.steps()) {
            BufferedImage frame = ImageIO.read(step.frame().toFile());
            assertNotNull(frame, step.frame() + " is a whole PNG");
        }
        assertEquals(
                3,
                new DatasetReader(SampleSpace.UI_TARS_1_5).read(runDir).size(),
                "the step with an unidentified character is not learned from");
    }

    static void awaitLines(Path file, int count, ChildJvm recorder) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(file) || Files.readAllLines(file).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not reach " + count + " lines:\n" + recorder.output());
            }
            Thread.sleep(100);
        }
    }
}
