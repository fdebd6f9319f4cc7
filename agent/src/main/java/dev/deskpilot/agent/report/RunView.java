package dev.deskpilot.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskpilot.actions.Size;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run folder as the reports see it: {@code run.json} kept as a JSON tree (so fields added later,
 * or missing from a killed run, never stop a report), the steps, and what could not be read.
 *
 * @param dir the run folder
 * @param run the contents of run.json
 * @param steps the readable lines of steps.jsonl, in order
 * @param problems one line each for what could not be read (e.g. a last line cut off by a kill)
 */
record RunView(Path dir, JsonNode run, List<StepView> steps, List<String> problems) {
    RunView {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(run, "run");
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    String taskId() {
        return text(run.path("task").path("id"), dir.getFileName().toString());
    }

    String instruction() {
        return text(run.path("task").path("instruction"), "");
    }

    /** The run's status word: {@code finished}, {@code error}, … or {@code running} for a killed run. */
    String status() {
        return text(run.path("status"), "unknown");
    }

    String reason() {
        return text(run.path("reason"), "");
    }

    boolean passed() {
        return run.path("passed").asBoolean(false);
    }

    long durationMs() {
        return run.path("durationMs").asLong(0);
    }

    /** The screen size the screen actions are in, when run.json names a valid one. */
    Optional<Size> screen() {
        try {
            return Optional.of(Size.parse(run.path("screen").asText("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String text(JsonNode node, String otherwise) {
        return node.isValueNode() ? node.asText() : otherwise;
    }
}
