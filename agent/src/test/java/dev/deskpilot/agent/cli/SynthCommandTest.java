package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.actions.Size;
import dev.deskpilot.agent.ScriptPolicy;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.tasks.Step;
import dev.deskpilot.tasks.env.Episode;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.Rollout;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import dev.deskpilot.tasks.families.Families;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("deskpilot synth")
class SynthCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Size SCREEN = new Size(1280, 800);

    @TempDir
    Path dir;

    @Test
    @DisplayName("writes one sample per oracle step, whose gold actions replayed by a policy solve the task")
    void samplesReplay() throws Exception {
        Path out = dir.resolve("data");
        var r = EvalCommandTest.run("synth", "smoke", "--split", "train", "--n", "14", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("episodes: 14"), r.out());

        ActionGrammar grammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, SCREEN);
        Map<String, List<JsonNode>> episodes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("samples.jsonl"))) {
            JsonNode s = JSON.readTree(line);
            episodes.computeIfAbsent(
                            s.get("family").asText() + "/" + s.get("seed").asLong(), k -> new ArrayList<>())
                    .add(s);
        }
        assertEquals(14, episodes.size());
        try (VirtualEnvironment env = new VirtualEnvironment()) {
            for (List<JsonNode> samples : episodes.values()) {
                List<String> actions = new ArrayList<>();
                for (JsonNode s : samples) {
                    assertEquals(actions.size() + 1, s.get("step").asInt(), s.toString());
                    assertEquals(actions, JSON.convertValue(s.get("history"), List.class), s.toString());
                    assertEquals("1280x800", s.get("imageSize").asText());
                    BufferedImage image =
                            ImageIO.read(out.resolve(s.get("image").asText()).toFile());
                    assertEquals(SCREEN, new Size(image.getWidth(), image.getHeight()));
                    grammar.parse("Action: " + s.get("action").asText()); // canonical text that parses
                    assertTrue(s.get("response").asText().startsWith("Thought: "), s.toString());
                    actions.add(s.get("action").asText());
                }
                JsonNode first = samples.getFirst();
                Instance instance = Families.get(first.get("family").asText())
                        .generate(first.get("seed").asLong(), SCREEN);
                assertEquals(instance.instruction(), first.get("instruction").asText());
                Episode replay = Rollout.run(
                        env,
                        instance,
                        new PolicyActor(
                                new ScriptPolicy(
                                        actions.stream().map(Step::action).toList()),
                                instance.instruction()));
                assertEquals(1, replay.reward(), instance.name() + " " + replay.misses() + " " + replay.error());
            }
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals(14, manifest.get("episodes").asInt());
        assertEquals(
                Files.readAllLines(out.resolve("samples.jsonl")).size(),
                manifest.get("samples").asInt());
    }

    @Test
    @DisplayName("refuses to write over an existing data set")
    void noOverwrite() throws Exception {
        Path out = dir.resolve("data");
        assertEquals(
                0,
                EvalCommandTest.run("synth", "smoke", "--n", "1", "--out", out.toString())
                        .code());
        var again = EvalCommandTest.run("synth", "smoke", "--n", "1", "--out", out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a data set"), again.err());
    }
}
