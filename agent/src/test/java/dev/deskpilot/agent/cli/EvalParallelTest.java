package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("deskpilot eval --parallel and --junit")
class EvalParallelTest {
    @TempDir
    Path dir;

    /** family, seed, reward, steps and ending of every episode, in the order the results list them. */
    private static List<String> episodes(Path results) throws Exception {
        List<String> rows = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(results.toFile()).get("results")) {
            rows.add(e.get("family").asText() + "/" + e.get("seed").asLong() + " reward "
                    + e.get("reward").asInt() + " steps " + e.get("steps").asInt() + " "
                    + e.get("ending").asText());
        }
        return rows;
    }

    @Test
    @DisplayName("three episodes at a time give the serial run's rewards, episode by episode, and its mean line")
    void parallelMatchesSerial() throws Exception {
        // The random policy fails some episodes and passes others, so a mix-up would show.
        Path serial = dir.resolve("serial.json");
        Path parallel = dir.resolve("parallel.json");
        var one = EvalCommandTest.run(
                "eval", "smoke", "--policy", "random", "--episodes", "2", "--out", serial.toString());
        var three = EvalCommandTest.run(
                "eval",
                "smoke",
                "--policy",
                "random",
                "--episodes",
                "2",
                "--parallel",
                "3",
                "--out",
                parallel.toString());
        assertEquals(one.code(), three.code(), three.out() + three.err());
        assertEquals(one.lines().getLast(), three.lines().getLast());
        assertEquals(episodes(serial), episodes(parallel));
        assertEquals(28, episodes(parallel).size());
    }

    @Test
    @DisplayName("the JUnit XML beside the results has one test case per episode and a failure with the reason"
            + " for each episode whose reward is not 1")
    void junitXml() throws Exception {
        Path results = dir.resolve("eval.json");
        var r = EvalCommandTest.run(
                "eval", "smoke", "--policy", "random", "--episodes", "1", "--out", results.toString());
        Path xml = dir.resolve("eval.junit.xml");
        assertTrue(Files.exists(xml), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(json.get("results").size(), cases.getLength());
        int failed = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            JsonNode episode = json.get("results").get(i);
            assertEquals(
                    episode.get("family").asText() + "/" + episode.get("seed").asLong(), testcase.getAttribute("name"));
            NodeList failure = testcase.getElementsByTagName("failure");
            if (episode.get("reward").asInt() == 1) {
                assertEquals(0, failure.getLength(), testcase.getAttribute("name"));
            } else {
                failed++;
                String message = ((Element) failure.item(0)).getAttribute("message");
                assertTrue(
                        message.startsWith(
                                "reward 0, ended " + episode.get("ending").asText()),
                        message);
            }
        }
        assertTrue(failed > 0, "the random policy should fail some smoke episodes");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals(Integer.toString(failed), suite.getAttribute("failures"));
    }

    @Test
    @DisplayName("--junit FILE puts the XML where it is told")
    void junitOption() throws Exception {
        Path xml = dir.resolve("ci/TEST-eval.xml");
        var r = EvalCommandTest.run(
                "eval",
                "smoke",
                "--episodes",
                "1",
                "--out",
                dir.resolve("r.json").toString(),
                "--junit",
                xml.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertEquals(14, doc.getElementsByTagName("testcase").getLength());
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
    }

    @Test
    @DisplayName("--parallel with a backend that needs an X display exits 2 and says --virtual only")
    void parallelNeedsVirtual() {
        var r = EvalCommandTest.run("eval", "smoke", "--xvfb", "--parallel", "2");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--parallel currently supports --virtual only"), r.err());
        var zero = EvalCommandTest.run("eval", "smoke", "--parallel", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--parallel must be at least 1"), zero.err());
    }
}
