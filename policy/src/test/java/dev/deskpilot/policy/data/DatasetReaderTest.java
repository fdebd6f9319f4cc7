package dev.deskpilot.policy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Size;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.SmartResize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reading run folders as training samples")
class DatasetReaderTest {
    @TempDir
    Path dir;

    final DatasetReader reader = new DatasetReader(SampleSpace.UI_TARS_1_5);

    static final List<String> STEPS = List.of(
            RunFolders.step(1, "", List.of("click(start_box='<|box_start|>(100,50)<|box_end|>')"), ""),
            RunFolders.step(2, "Type the name.", List.of("type(content='Ada \"AL\" Lovelace\\n')"), ""),
            RunFolders.step(3, "", List.of("type(content='caf\uFFFD')"), "1 typed character could not be identified"),
            RunFolders.step(4, "", List.of(), "the policy failed"),
            RunFolders.step(
                    5,
                    "",
                    List.of(
                            "drag(start_box='<|box_start|>(0,0)<|box_end|>', end_box='<|box_start|>(639,399)<|box_end|>')"),
                    ""),
            RunFolders.step(6, "", List.of("finished(content='')"), ""));

    Path run() throws Exception {
        return RunFolders.write(dir, "demo-run", "Sign up Ada", STEPS, "");
    }

    @Test
    @DisplayName("every clean step becomes a sample, with actions moved into the smart-resized image")
    void samples() throws Exception {
        List<Sample> samples = reader.read(run());
        assertEquals(
                List.of("demo-run/0001", "demo-run/0002", "demo-run/0005", "demo-run/0006"),
                samples.stream().map(Sample::id).toList());
        Size model = SmartResize.UI_TARS_1_5.resize(new Size(640, 400));
        assertEquals(new Size(644, 392), model);
        Sample first = samples.getFirst();
        assertEquals("Sign up Ada", first.instruction());
        assertEquals(model, first.image().size());
        assertEquals("Action: click(start_box='<|box_start|>(101,49)<|box_end|>')", first.reply());
        assertEquals(model.width(), first.image().load().getWidth());
        assertEquals(
                "Thought: Type the name.\nAction: type(content='Ada \"AL\" Lovelace\\n')",
                samples.get(1).reply());
        assertEquals(
                "Action: drag(start_box='<|box_start|>(0,0)<|box_end|>', end_box='<|box_start|>(643,391)<|box_end|>')",
                samples.get(2).reply());
        assertEquals("Action: finished(content='')", samples.get(3).reply());
    }

    @Test
    @DisplayName("a step recorded with an error is not learned from but stays in later history")
    void errorsStayInHistory() throws Exception {
        Sample drag = reader.read(run()).get(2);
        assertEquals(3, drag.history().size(), "steps 1, 2 and 3; step 4 did nothing");
        assertEquals("Action: type(content='caf\uFFFD')", drag.history().get(2).reply());
        assertTrue(drag.history().stream().allMatch(t -> t.image().isPresent()));
    }

    @Test
    @DisplayName("other coordinate conventions write the same points in their numbers")
    void conventions() throws Exception {
        var relative = new DatasetReader(new SampleSpace(CoordinateConvention.RELATIVE_1000, SmartResize.UI_TARS_1_5));
        assertEquals(
                "Action: click(start_box='<|box_start|>(157,125)<|box_end|>')",
                relative.read(run()).getFirst().reply());
    }

    @Test
    @DisplayName("a last line cut off by a kill is left out; everything before it reads")
    void cutOffLastLine() throws Exception {
        Path run = RunFolders.write(dir, "killed", "x", STEPS.subList(0, 2), "{\"step\":3,\"frame\":\"fra");
        Trajectory t = Trajectory.read(run);
        assertEquals(2, t.steps().size());
    }

    @Test
    @DisplayName("a corrupt line in the middle is an error naming the file and line, and nothing is changed")
    void corruptLine() throws Exception {
        Path run = RunFolders.write(dir, "corrupt", "x", List.of(STEPS.get(0), "{\"step\": 2, oops", STEPS.get(1)), "");
        byte[] before = Files.readAllBytes(run.resolve("steps.jsonl"));
        DatasetException e = assertThrows(DatasetException.class, () -> reader.read(run));
        assertTrue(e.getMessage().startsWith(run.resolve("steps.jsonl") + ":2: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(run.resolve("steps.jsonl"))));
    }

    @Test
    @DisplayName("a missing field and a missing frame are errors naming the line")
    void missingPieces() throws Exception {
        Path noFrame = RunFolders.write(dir, "no-frame", "x", List.of(STEPS.get(0), STEPS.get(1)), "");
        Files.delete(noFrame.resolve("frames/0002.png"));
        var e = assertThrows(DatasetException.class, () -> reader.read(noFrame));
        assertTrue(e.getMessage().contains("steps.jsonl:2: frame 'frames/0002.png'"), e.getMessage());

        Path noActions = RunFolders.write(
                dir, "no-actions", "x", List.of(STEPS.get(0).replace("\"screenActions\"", "\"other\"")), "");
        e = assertThrows(DatasetException.class, () -> reader.read(noActions));
        assertTrue(e.getMessage().contains("steps.jsonl:1: field 'screenActions' is missing"), e.getMessage());
    }

    @Test
    @DisplayName("a screen action that does not parse is an error naming the line")
    void badAction() throws Exception {
        Path run = RunFolders.write(dir, "bad-action", "x", List.of(RunFolders.step(1, "", List.of("tap()"), "")), "");
        var e = assertThrows(DatasetException.class, () -> reader.read(run));
        assertTrue(e.getMessage().contains("steps.jsonl:1: screen action 'tap()'"), e.getMessage());
    }

    @Test
    @DisplayName("a folder that is not a run or dataset, or does not exist, is named in the error")
    void notARun() throws Exception {
        var e = assertThrows(DatasetException.class, () -> reader.read(dir.resolve("nope")));
        assertTrue(e.getMessage().startsWith(dir.resolve("nope") + ": no such"), e.getMessage());
        e = assertThrows(DatasetException.class, () -> reader.read(dir));
        assertTrue(e.getMessage().contains("neither a run folder"), e.getMessage());
        e = assertThrows(DatasetException.class, () -> Trajectory.read(dir));
        assertTrue(e.getMessage().contains("run.json: missing"), e.getMessage());
        assertFalse(DatasetReader.isRunFolder(dir));
    }
}
