package dev.deskpilot.policy.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("An exported dataset read back")
class DatasetRoundTripTest {
    @TempDir
    Path dir;

    final DatasetReader reader = new DatasetReader(SampleSpace.UI_TARS_1_5);

    List<Sample> runSamples() throws Exception {
        List<Sample> all = new ArrayList<>();
        all.addAll(reader.read(RunFolders.write(dir, "run-a", "Sign up Ada", DatasetReaderTest.STEPS, "")));
        all.addAll(reader.read(
                RunFolders.write(dir, "run-b", "Close the dialog", DatasetReaderTest.STEPS.subList(0, 2), "")));
        return all;
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static void assertSameImage(SampleImage expected, SampleImage actual) throws DatasetException {
        assertEquals(expected.size(), actual.size(), expected.name());
        assertArrayEquals(pixels(expected.load()), pixels(actual.load()), "pixels of " + expected.name());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DatasetFormat.class)
    @DisplayName("gives the same samples: images, prompt, action text and history")
    void roundTrip(DatasetFormat format) throws Exception {
        List<Sample> original = runSamples();
        Path out = dir.resolve("export-" + format.word());
        DatasetWriter.write(
                original,
                out,
                new DatasetWriter.Options(format, SampleSpace.UI_TARS_1_5, DatasetWriter.DEFAULT_HISTORY_IMAGES));
        List<Sample> back = reader.read(out);

        assertEquals(original.size(), back.size());
        for (int i = 0; i < original.size(); i++) {
            Sample o = original.get(i);
            Sample b = back.get(i);
            assertEquals(o.id(), b.id());
            assertEquals(o.instruction(), b.instruction());
            assertEquals(o.prompt(), b.prompt());
            assertEquals(o.reply(), b.reply());
            assertSameImage(o.image(), b.image());
            assertEquals(
                    o.history().stream().map(Turn::reply).toList(),
                    b.history().stream().map(Turn::reply).toList());
            for (int h = 0; h < o.history().size(); h++) {
                Optional<SampleImage> image = b.history().get(h).image();
                if (image.isPresent()) {
                    assertSameImage(o.history().get(h).image().orElseThrow(), image.get());
                }
            }
        }
    }

    @Test
    @DisplayName("chat formats keep only the newest earlier screenshots and say where one is left out")
    void historyWindow() throws Exception {
        List<Sample> original = runSamples();
        Path out = dir.resolve("window");
        DatasetWriter.write(original, out, new DatasetWriter.Options(DatasetFormat.JSONL, SampleSpace.UI_TARS_1_5, 1));
        List<String> lines = Files.readAllLines(out.resolve("data.jsonl"));
        JsonNode drag = JsonFiles.JSON.readTree(lines.get(2)); // run-a step 5: history of three
        assertEquals("run-a/0005", drag.get("id").asText());
        assertEquals(2, drag.get("images").size(), "one earlier screenshot and the current one");
        JsonNode messages = drag.get("messages");
        assertEquals(8, messages.size());
        assertTrue(messages.get(0).get("content").asText().startsWith("You are an agent"));
        assertTrue(messages.get(0).get("content").asText().endsWith(Conversation.OMITTED));
        assertEquals("<image>", messages.get(4).get("content").asText());
        assertEquals("<image>", messages.get(6).get("content").asText());
        assertEquals("assistant", messages.get(7).get("role").asText());

        Sample back = reader.read(out).get(2);
        assertEquals(
                List.of(false, false, true),
                back.history().stream().map(t -> t.image().isPresent()).toList());
    }

    @Test
    @DisplayName("ShareGPT export registers itself for LLaMA-Factory")
    void datasetInfo() throws Exception {
        Path out = dir.resolve("sharegpt");
        DatasetWriter.write(
                runSamples(), out, new DatasetWriter.Options(DatasetFormat.SHAREGPT, SampleSpace.UI_TARS_1_5, 4));
        JsonNode info = JsonFiles.JSON.readTree(out.resolve("dataset_info.json").toFile());
        assertEquals("sharegpt.json", info.get("deskpilot").get("file_name").asText());
        assertEquals(
                "conversations",
                info.get("deskpilot").get("columns").get("messages").asText());
        JsonNode first =
                JsonFiles.JSON.readTree(out.resolve("sharegpt.json").toFile()).get(0);
        assertEquals("human", first.get("conversations").get(0).get("from").asText());
        assertEquals("images/run-a/0001.png", first.get("images").get(0).asText());
        assertTrue(Files.isRegularFile(out.resolve("images/run-a/0001.png")));
    }

    @Test
    @DisplayName("an export never writes into a folder that has files, and leaves them as they were")
    void neverOverwrites() throws Exception {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        var e = assertThrows(
                DatasetException.class,
                () -> DatasetWriter.write(
                        runSamples(),
                        out,
                        new DatasetWriter.Options(DatasetFormat.DESKPILOT, SampleSpace.UI_TARS_1_5, 4)));
        assertTrue(e.getMessage().contains("not an empty folder"), e.getMessage());
        assertEquals(List.of(out.resolve("keep.txt")), Files.list(out).toList());
    }

    @Test
    @DisplayName("a corrupt exported line is an error naming the file and line")
    void corruptExport() throws Exception {
        Path out = dir.resolve("bad");
        DatasetWriter.write(
                runSamples(), out, new DatasetWriter.Options(DatasetFormat.JSONL, SampleSpace.UI_TARS_1_5, 4));
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("data.jsonl")));
        lines.set(1, lines.get(1).replace("\"role\":\"assistant\"", "\"role\":\"robot\""));
        Files.write(out.resolve("data.jsonl"), lines);
        var e = assertThrows(DatasetException.class, () -> reader.read(out));
        assertTrue(e.getMessage().startsWith(out.resolve("data.jsonl") + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("robot"), e.getMessage());
    }
}
