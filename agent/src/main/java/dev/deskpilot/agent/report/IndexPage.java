package dev.deskpilot.agent.report;

import static dev.deskpilot.agent.report.Html.escape;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index of a folder of runs (an eval, a suite, a CI job's runs): how many passed, a success
 * table per task (episodes, passed, rate), how the runs ended, and one row per run linking to its
 * report. Self-contained like the run pages; links are relative, so the folder can be moved or
 * archived whole.
 */
final class IndexPage {
    private IndexPage() {}

    /** @param dir the folder the page is written into; runs are linked relative to it */
    static String render(Path dir, List<RunView> runs) {
        long passed = runs.stream().filter(RunView::passed).count();
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(dir.toAbsolutePath().getFileName() + " — " + passed + "/" + runs.size()
                        + " passed — deskpilot runs"))
                .append("</title><style>")
                .append(Html.css())
                .append("</style></head>\n<body><main class=\"index\">\n<h1>")
                .append(escape(String.valueOf(dir.toAbsolutePath().getFileName())))
                .append(" <span class=\"badge summary ")
                .append(passed == runs.size() && !runs.isEmpty() ? "pass" : "fail")
                .append("\">")
                .append(passed)
                .append(" of ")
                .append(runs.size())
                .append(" passed</span></h1>\n");

        html.append("<h2>Success by task</h2><table class=\"success\"><thead><tr><th>task</th>")
                .append("<th class=\"num\">runs</th><th class=\"num\">passed</th><th class=\"num\">rate</th>")
                .append("</tr></thead><tbody>");
        Map<String, Tally> byTask = new TreeMap<>();
        runs.forEach(run -> byTask.merge(run.taskId(), Tally.of(run), Tally::plus));
        byTask.forEach((task, tally) -> successRow(html, escape(task), tally.runs(), tally.passed()));
        successRow(html, "<b>all</b>", runs.size(), (int) passed);
        html.append("</tbody></table>\n");

        html.append("<h2>How the runs ended</h2><table class=\"statuses\"><tbody>");
        Map<String, Integer> byStatus = new TreeMap<>();
        runs.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        byStatus.forEach((status, count) -> html.append("<tr><td>")
                .append(escape(status))
                .append("</td><td class=\"num\">")
                .append(count)
                .append("</td></tr>"));
        html.append("</tbody></table>\n");

        html.append("<h2>Runs</h2><table class=\"runs\"><thead><tr><th>run</th><th>task</th><th>status</th>")
                .append("<th>verdict</th><th class=\"num\">steps</th><th class=\"num\">duration</th><th>reason</th>")
                .append("</tr></thead><tbody>\n");
        for (RunView run : runs) {
            String link = dir.toAbsolutePath()
                    .relativize(run.dir().toAbsolutePath().resolve(Reports.RUN_REPORT))
                    .toString()
                    .replace('\\', '/');
            html.append("<tr class=\"run\"><td><a href=\"")
                    .append(escape(link))
                    .append("\">")
                    .append(escape(dir.toAbsolutePath()
                            .relativize(run.dir().toAbsolutePath())
                            .toString()))
                    .append("</a></td><td>")
                    .append(escape(run.taskId()))
                    .append("</td><td><span class=\"badge ")
                    .append(Html.badgeClass(run.status(), run.passed()))
                    .append("\">")
                    .append(escape(run.status()))
                    .append("</span></td><td>")
                    .append(run.passed() ? "passed" : "not passed")
                    .append("</td><td class=\"num\">")
                    .append(run.steps().size())
                    .append("</td><td class=\"num\">")
                    .append(escape(Html.duration(run.durationMs())))
                    .append("</td><td>")
                    .append(escape(run.reason()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</main></body></html>\n");
        return html.toString();
    }

    /** Runs of one task, and how many of them passed. */
    private record Tally(int runs, int passed) {
        static Tally of(RunView run) {
            return new Tally(1, run.passed() ? 1 : 0);
        }

        Tally plus(Tally other) {
            return new Tally(runs + other.runs, passed + other.passed);
        }
    }

    private static void successRow(StringBuilder html, String taskHtml, int runs, int passed) {
        html.append("<tr><td>")
                .append(taskHtml)
                .append("</td><td class=\"num\">")
                .append(runs)
                .append("</td><td class=\"num\">")
                .append(passed)
                .append("</td><td class=\"num\">")
                .append(runs == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100.0 * passed / runs))
                .append("</td></tr>");
    }
}
