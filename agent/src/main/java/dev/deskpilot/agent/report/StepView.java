package dev.deskpilot.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code steps.jsonl} as the reports see it (fields as in docs/run-folder.md).
 *
 * @param timingsMs phase name to milliseconds, in the file's order
 * @param extra fields this reader does not know (guard verdicts, fields added later), shown as they
 *     are so that a report never hides what a run recorded
 */
record StepView(
        int step,
        String frame,
        String text,
        String thought,
        List<String> actions,
        List<String> screenActions,
        Map<String, Long> timingsMs,
        String error,
        Map<String, JsonNode> extra) {

    StepView {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(thought, "thought");
        actions = List.copyOf(actions);
        screenActions = List.copyOf(screenActions);
        timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
        Objects.requireNonNull(error, "error");
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
