package dev.deskpilot.agent.cli;

import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import dev.deskpilot.perception.ocr.OcrAccuracy;
import dev.deskpilot.perception.ocr.WordScore;
import dev.deskpilot.tasks.env.web.ChromiumTextAccuracy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "ocr-accuracy",
        mixinStandardHelpOptions = true,
        description =
                "Measure OCR word recall and precision against the renderer's own truth, per font family and size: on Swing screens of labels and buttons (aliased and antialiased), or on Chromium pages of labels, buttons, links and inputs. Prints Markdown tables and writes them to bench/results/ocr-accuracy-<on>.md. All installed families at 10-20 px take about 7 minutes per renderer.")
final class BenchOcrAccuracyCommand implements Callable<Integer> {
    /** Which renderer draws the screens. */
    enum On {
        swing,
        chromium
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--on",
            defaultValue = "swing",
            description = "The renderer: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    On on;

    @Option(
            names = "--sizes",
            split = ",",
            paramLabel = "PX",
            defaultValue = "10,12,14,16,20",
            description = "Text sizes in pixels, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(
            names = "--fonts",
            split = ",",
            paramLabel = "FAMILY",
            description =
                    "Font families, comma-separated (default: every family installed: Java's list for swing, fontconfig's plus sans-serif, serif and monospace for chromium).")
    List<String> fonts = List.of();

    @Option(names = "--verbose", description = "Also list every word missed and every word read that is not there.")
    boolean verbose;

    @picocli.CommandLine.Mixin
    BenchCommand.ResultsOption results;

    @Override
    public Integer call() throws Exception {
        for (int size : sizes) {
            if (size < 6 || size > 96) {
                throw new BadInputException("--sizes: each size must be 6 to 96 pixels, was " + size);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        var table = new ByteArrayOutputStream();
        var misses = new ArrayList<String>();
        try (PrintStream tables = new PrintStream(table, true, StandardCharsets.UTF_8)) {
            switch (on) {
                case swing -> measureSwing(tables, misses);
                case chromium -> measureChromium(tables, misses);
            }
        }
        String markdown = table.toString(StandardCharsets.UTF_8);
        Path file = results.dir.resolve("ocr-accuracy-" + on + ".md");
        Files.createDirectories(results.dir);
        Files.writeString(file, markdown);
        out.print(markdown);
        if (verbose) {
            misses.forEach(out::println);
        }
        out.println("wrote " + file.toAbsolutePath());
        return ExitCodes.OK;
    }

    private void measureSwing(PrintStream tables, List<String> misses) throws BadInputException {
        List<String> installed = OcrAccuracy.installedFamilies();
        List<String> families = chosen(installed);
        try (TextReader reader = TextReader.open()) {
            List<OcrAccuracy.Row> rows = new ArrayList<>();
            for (String family : families) {
                progress(family);
                rows.addAll(OcrAccuracy.measure(reader, List.of(family), sizes, 1280, 800));
            }
            OcrAccuracy.print(rows, tables);
            for (OcrAccuracy.Row row : rows) {
                misses(row.family() + " " + row.size() + " aliased", row.aliased(), misses);
                misses(row.family() + " " + row.size() + " antialiased", row.antialiased(), misses);
            }
        }
    }

    private void measureChromium(PrintStream tables, List<String> misses) throws Exception {
        List<String> families = chosen(ChromiumTextAccuracy.installedFamilies());
        try (ChromiumTextAccuracy accuracy = ChromiumTextAccuracy.open()) {
            List<String> fallback = new ArrayList<>();
            List<ChromiumTextAccuracy.Row> rows = new ArrayList<>();
            for (String family : families) {
                progress(family);
                if (accuracy.fallsBack(family)) {
                    fallback.add(family);
                }
                rows.addAll(accuracy.measure(List.of(family), sizes));
            }
            ChromiumTextAccuracy.print(rows, fallback, tables);
            for (ChromiumTextAccuracy.Row row : rows) {
                misses(row.family() + " " + row.size(), row.score(), misses);
            }
        }
    }

    /** {@code --fonts}, each checked against what is installed, or everything installed. */
    private List<String> chosen(List<String> installed) throws BadInputException {
        for (String family : fonts) {
            if (!installed.contains(family)) {
                throw new BadInputException("--fonts: '" + family + "' is not an installed font family for " + on
                        + "; installed: " + String.join(", ", installed));
            }
        }
        return fonts.isEmpty() ? installed : fonts;
    }

    private void progress(String family) {
        spec.commandLine().getErr().println("measuring " + family + " on " + on + " ...");
    }

    private static void misses(String where, WordScore score, List<String> out) {
        for (Word w : score.missed()) {
            out.add(where + " missed   " + w.text() + " " + w.box());
        }
        for (Word w : score.spurious()) {
            out.add(where + " spurious " + w.text() + " " + w.box());
        }
    }
}
