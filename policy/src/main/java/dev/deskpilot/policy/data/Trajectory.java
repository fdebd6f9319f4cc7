package dev.deskpilot.policy.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskpilot.actions.Size;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run folder read back: the agent's runs and recorded demonstrations share the format
 * (docs/run-folder.md), so one reader serves replay and training. Only the fields those need are
 * read; unknown fields are ignored.
 *
 * @param dir the run folder
 * @param instruction {@code task.instruction} of run.json; empty for a recording made without one
 * @param policy who acted: {@code human} for a recording, else the policy's name
 * @param screen the screen size the run recorded, if run.json gives one
 * @param status {@code running} (still going, or killed), {@code finished}, {@code stopped}, …
 * @param steps the finished steps, in order
 */
public record Trajectory(
        Path dir, String instruction, String policy, Optional<Size> screen, String status, List<Step> steps) {

    public Trajectory {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
    }

    /**
     * One line of steps.jsonl.
     *
     * @param number the 1-based step number
     * @param line the line of steps.jsonl it was read from
     * @param frame the screenshot taken before the step's actions (an existing file)
     * @param text the policy's reply verbatim; for a recording the canonical action text
     * @param thought the reply's thought, empty if none
     * @param screenActions the actions done, in screen pixels, as canonical UI-TARS text
     * @param error why the step failed or is not trustworthy, empty if it is fine
     * @param pauseMs the time between the previous step and this one: for a recording how long
     *     the person took before acting, for an agent run how long the policy took to decide
     */
    public record Step(
            int number,
            int line,
            Path frame,
            String text,
            String thought,
            List<String> screenActions,
            String error,
            long pauseMs) {
        public Step {
            Objects.requireNonNull(frame, "frame");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(thought, "thought");
            screenActions = List.copyOf(screenActions);
            Objects.requireNonNull(error, "error");
        }

        /** Whether the step did something and was recorded without an error. */
        public boolean clean() {
            return error.isEmpty() && !screenActions.isEmpty();
        }
    }

    /** The file every step is listed in. */
    public Path stepsFile() {
        return dir.resolve("steps.jsonl");
    }

    /**
     * Reads a run folder: run.json, steps.jsonl and the frames they name. A last steps.jsonl line
     * cut off by a kill is left out; any other bad line is an error.
     *
     * @throws DatasetException naming the file and line of the first problem
     */
    public static Trajectory read(Path dir) throws DatasetException {
        if (!Files.isDirectory(dir)) {
            throw DatasetException.in(dir, Files.exists(dir) ? "not a folder" : "no such run folder");
        }
        Path runJson = dir.resolve("run.json");
        if (!Files.isRegularFile(runJson)) {
            throw DatasetException.in(
                    runJson, "missing, so " + dir + " is not a run folder (run.json, steps.jsonl, frames/)");
        }
        JsonNode run = JsonFiles.read(runJson);
        Where top = new Where(runJson, 1);
        top.object(run, "run.json");
        JsonNode task = top.requiredObject(run, "task");
        String instruction = top.optionalString(task, "instruction");
        String policy = top.optionalString(run, "policy");
        String status = top.optionalString(run, "status");
        String screenText = top.optionalString(run, "screen");
        Optional<Size> screen;
        try {
            screen = screenText.isEmpty() ? Optional.empty() : Optional.of(Size.parse(screenText));
        } catch (IllegalArgumentException e) {
            throw top.error("field 'screen': " + e.getMessage());
        }

        Path stepsFile = dir.resolve("steps.jsonl");
        List<Step> steps = new ArrayList<>();
        for (JsonFiles.Line line : JsonFiles.readLines(stepsFile, true)) {
            steps.add(step(dir, line, steps.size() + 1));
        }
        return new Trajectory(dir, instruction, policy, screen, status, steps);
    }

    private static Step step(Path dir, JsonFiles.Line line, int expectedNumber) throws DatasetException {
        Where where = line.where();
        JsonNode node = where.object(line.value(), "a step");
        int number = where.requiredInt(node, "step");
        if (number != expectedNumber) {
            throw where.error("step number " + number + " where step " + expectedNumber + " was expected");
        }
        String frameName = where.requiredString(node, "frame");
        Path frame = dir.resolve(frameName).normalize();
        if (!frame.startsWith(dir.normalize()) || !Files.isRegularFile(frame)) {
            throw where.error("frame '" + Snippet.of(frameName) + "' is not a file in the run folder");
        }
        JsonNode timings = node.get("timingsMs");
        long pause = timings != null && timings.isObject() ? where.optionalLong(timings, "decide") : 0;
        return new Step(
                number,
                where.line(),
                frame,
                where.optionalString(node, "text"),
                where.optionalString(node, "thought"),
                where.requiredStrings(node, "screenActions"),
                where.optionalString(node, "error"),
                pause);
    }
}
