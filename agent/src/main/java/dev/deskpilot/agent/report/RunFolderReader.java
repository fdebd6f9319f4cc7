package dev.deskpilot.agent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a run folder (docs/run-folder.md) for the reports. It is lenient where a run may be
 * incomplete: a killed run's last line of steps.jsonl may be cut off, and a run that is still
 * going has status {@code running}; those become {@link RunView#problems()}, not failures.
 */
final class RunFolderReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> KNOWN_STEP_FIELDS =
            Set.of("step", "frame", "text", "thought", "imageSize", "actions", "screenActions", "timingsMs", "error");

    private RunFolderReader() {}

    /**
     * Reads {@code dir}.
     *
     * @throws IOException if run.json is missing or is not JSON, or a file cannot be read
     */
    static RunView read(Path dir) throws IOException {
        Path runJson = dir.resolve("run.json");
        JsonNode run;
        try {
            run = JSON.readTree(Files.readString(runJson));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(runJson.toString(), null, "not a run folder: it has no run.json");
        } catch (JsonProcessingException e) {
            throw new IOException(runJson + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<StepView> steps = new ArrayList<>();
        Path stepsFile = dir.resolve("steps.jsonl");
        if (Files.isRegularFile(stepsFile)) {
            List<String> lines = Files.readAllLines(stepsFile);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    steps.add(step(JSON.readTree(line)));
                } catch (JsonProcessingException e) {
                    problems.add("steps.jsonl line " + (i + 1) + " is not complete JSON"
                            + (i == lines.size() - 1 ? " (the run was probably stopped while writing it)" : ""));
                }
            }
        } else {
            problems.add("the run folder has no steps.jsonl");
        }
        if (run.path("status").asText("").equals("running")) {
            problems.add("run.json still says running: the run was killed, or is still going");
        }
        return new RunView(dir, run, steps, problems);
    }

    private static StepView step(JsonNode line) {
        Map<String, Long> timings = new LinkedHashMap<>();
        line.path("timingsMs")
                .properties()
                .forEach(e -> timings.put(e.getKey(), e.getValue().asLong()));
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        line.properties().forEach(e -> {
            if (!KNOWN_STEP_FIELDS.contains(e.getKey())) {
                extra.put(e.getKey(), e.getValue());
            }
        });
        return new StepView(
                line.path("step").asInt(0),
                line.path("frame").asText(""),
                line.path("text").asText(""),
                line.path("thought").asText(""),
                strings(line.path("actions")),
                strings(line.path("screenActions")),
                timings,
                line.path("error").asText(""),
                extra);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
