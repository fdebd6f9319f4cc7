package dev.deskpilot.agent.report;

import static dev.deskpilot.agent.report.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskpilot.actions.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The HTML report of one run: a single self-contained page (frames embedded as data URIs, style
 * and script inline) with the run's task, status, reason, timings and checks at the top, a list of
 * steps on the left, and one step at a time on the right: the frame the policy saw with its
 * actions drawn over it, the thought, the actions in the policy's image and on the screen, the raw
 * reply, the step's timings, its error, and any other fields the step recorded (such as guard
 * verdicts). See report.js for the keys.
 */
final class RunPage {
    private RunPage() {}

    static String render(RunView run) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(run.taskId() + " — " + run.status() + " — deskpilot run"))
                .append("</title><style>")
                .append(Html.css())
                .append("</style></head>\n<body>\n");
        header(html, run);
        html.append("<div class=\"layout\">\n");
        navigation(html, run);
        html.append("<main class=\"steps\">\n");
        if (run.steps().isEmpty()) {
            html.append("<p class=\"missing\">This run recorded no steps.</p>");
        }
        for (StepView step : run.steps()) {
            step(html, run, step);
        }
        html.append("</main></div>\n<script>").append(Html.script()).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, RunView run) {
        JsonNode info = run.run();
        html.append("<header class=\"run\"><h1>")
                .append(escape(run.taskId()))
                .append(" <span class=\"badge status ")
                .append(Html.badgeClass(run.status(), run.passed()))
                .append("\">")
                .append(escape(run.status()))
                .append("</span> <span class=\"badge verdict ")
                .append(run.passed() ? "pass" : "fail")
                .append("\">")
                .append(run.passed() ? "passed" : "not passed")
                .append("</span></h1>\n");
        html.append("<p class=\"instruction\">")
                .append(escape(run.instruction()))
                .append("</p>\n");
        if (!run.reason().isEmpty()) {
            html.append("<p class=\"reason\"><b>Reason:</b> ")
                    .append(escape(run.reason()))
                    .append("</p>\n");
        }
        html.append("<dl class=\"facts\">");
        fact(html, "policy", RunView.text(info.path("policy"), ""));
        fact(html, "display", RunView.text(info.path("display"), ""));
        fact(html, "screen", RunView.text(info.path("screen"), ""));
        fact(html, "started", RunView.text(info.path("startedAt"), ""));
        fact(html, "duration", Html.duration(run.durationMs()));
        int maxSteps = info.path("settings").path("maxSteps").asInt(0);
        // A recording has no step limit (its settings are 0).
        fact(html, "steps", run.steps().size() + (maxSteps > 0 ? " of at most " + maxSteps : ""));
        fact(html, "task file", RunView.text(info.path("task").path("source"), ""));
        fact(html, "run folder", run.dir().toAbsolutePath().toString());
        html.append("</dl>\n");
        if (Files.isRegularFile(run.dir().resolve(Reports.RUN_GIF))) {
            html.append("<p><a href=\"").append(Reports.RUN_GIF).append("\">Animated GIF of this run</a></p>\n");
        }
        checks(html, info.path("checks"));
        if (!run.problems().isEmpty()) {
            html.append("<ul class=\"problems\">");
            run.problems().forEach(p -> html.append("<li>").append(escape(p)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("</header>\n");
    }

    private static void fact(StringBuilder html, String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        html.append("<dt>")
                .append(escape(name))
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd>");
    }

    private static void checks(StringBuilder html, JsonNode checks) {
        if (!checks.isArray() || checks.isEmpty()) {
            html.append("<p class=\"checks none\">No checks were judged.</p>\n");
            return;
        }
        html.append(
                "<table class=\"checks\"><thead><tr><th>check</th><th>verdict</th><th>detail</th></tr></thead><tbody>");
        for (JsonNode c : checks) {
            boolean passed = c.path("passed").asBoolean(false);
            html.append("<tr><td><code>")
                    .append(escape(c.path("check").asText("")))
                    .append("</code></td><td><span class=\"badge ")
                    .append(passed ? "pass" : "fail")
                    .append("\">")
                    .append(passed ? "passed" : "failed")
                    .append("</span></td><td>")
                    .append(escape(c.path("detail").asText("")))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    private static void navigation(StringBuilder html, RunView run) {
        html.append("<nav class=\"steps\" aria-label=\"Steps\"><ol>");
        for (StepView step : run.steps()) {
            String summary = step.screenActions().isEmpty()
                    ? (step.error().isEmpty() ? "(no action)" : "error")
                    : step.screenActions().stream().map(ScreenAction::shorten).collect(Collectors.joining(" · "));
            html.append("<li><a href=\"#step-")
                    .append(step.step())
                    .append("\" data-step=\"")
                    .append(step.step())
                    .append('"')
                    .append(step.error().isEmpty() ? "" : " class=\"error\"")
                    .append(" title=\"")
                    .append(escape(summary))
                    .append("\">")
                    .append(step.step())
                    .append(". ")
                    .append(escape(summary))
                    .append("</a></li>");
        }
        html.append("</ol><p class=\"keys\">← → or k j: previous / next step; Home / End: first / last</p></nav>\n");
    }

    private static void step(StringBuilder html, RunView run, StepView step) throws IOException {
        int total = run.steps().size();
        html.append("<section class=\"step\" id=\"step-")
                .append(step.step())
                .append("\" data-step=\"")
                .append(step.step())
                .append("\"><h2>Step ")
                .append(step.step())
                .append(" of ")
                .append(total)
                .append(" <span class=\"timings\">")
                .append(escape(timings(step.timingsMs())))
                .append("</span></h2>\n");
        Path framePath = run.dir().resolve(step.frame());
        if (!step.frame().isEmpty() && Files.isRegularFile(framePath)) {
            byte[] bytes = Files.readAllBytes(framePath);
            Optional<Size> frameSize = imageSize(framePath);
            Size screen = run.screen().or(() -> frameSize).orElse(new Size(1, 1));
            html.append("<figure class=\"frame\"><img alt=\"the screen before step ")
                    .append(step.step())
                    .append("\" src=\"data:")
                    .append(mimeType(step.frame()))
                    .append(";base64,")
                    .append(Base64.getEncoder().encodeToString(bytes))
                    .append('"');
            frameSize.ifPresent(s -> html.append(" width=\"")
                    .append(s.width())
                    .append("\" height=\"")
                    .append(s.height())
                    .append('"'));
            html.append('>')
                    .append(OverlaySvg.render(ScreenAction.parse(step.screenActions(), screen), screen))
                    .append("</figure>\n");
        } else {
            html.append("<p class=\"missing\">The frame ")
                    .append(escape(step.frame().isEmpty() ? "(none recorded)" : step.frame()))
                    .append(" is missing.</p>\n");
        }
        if (!step.thought().isEmpty()) {
            html.append("<h3>Thought</h3><p class=\"thought\">")
                    .append(escape(step.thought()))
                    .append("</p>\n");
        }
        html.append("<h3>Actions</h3><ol class=\"actions\">");
        for (int i = 0; i < Math.max(step.actions().size(), step.screenActions().size()); i++) {
            html.append("<li>");
            if (i < step.actions().size()) {
                html.append("<code>").append(escape(step.actions().get(i))).append("</code>");
            }
            if (i < step.screenActions().size()) {
                html.append(" <span class=\"screen\">on screen: <code>")
                        .append(escape(step.screenActions().get(i)))
                        .append("</code></span>");
            }
            html.append("</li>");
        }
        html.append("</ol>\n");
        if (!step.error().isEmpty()) {
            html.append("<p class=\"error\">").append(escape(step.error())).append("</p>\n");
        }
        for (Map.Entry<String, JsonNode> e : step.extra().entrySet()) {
            html.append("<h3>")
                    .append(escape(e.getKey()))
                    .append("</h3><pre class=\"extra\">")
                    .append(escape(
                            e.getValue().isValueNode()
                                    ? e.getValue().asText()
                                    : e.getValue().toPrettyString()))
                    .append("</pre>\n");
        }
        if (!step.text().isEmpty()) {
            html.append("<details><summary>The policy's reply</summary><pre class=\"reply\">")
                    .append(escape(step.text()))
                    .append("</pre></details>\n");
        }
        html.append("</section>\n");
    }

    private static String timings(Map<String, Long> timings) {
        long total = timings.values().stream().mapToLong(Long::longValue).sum();
        return timings.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() + " ms")
                        .collect(Collectors.joining(" · "))
                + (timings.isEmpty() ? "" : " · total " + Html.duration(total));
    }

    private static String mimeType(String frame) {
        String name = frame.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/png";
    }

    /** The image's size from its header, without decoding the pixels. */
    private static Optional<Size> imageSize(Path image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        }
    }
}
