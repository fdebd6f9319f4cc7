package dev.deskpilot.perception.ocr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the reader on this machine and writes {@code bench/results/ocr.json}: a full read of a
 * 1280x800 and of a 400x520 screen, and a re-read of the 1280x800 screen after a small change
 * (one word replaced). Each figure is the median of several runs after a warm-up run. The screens
 * are Swing labels and buttons in Dialog 13 px, denser with text than most application screens;
 * the line counts are recorded beside the times, and so is the machine's load average before the
 * run, since other processes sharing the cores slow every figure.
 *
 * <p>Run: {@code java -cp ... dev.deskpilot.perception.ocr.OcrBench [output.json] [--runs N]};
 * the CLI will call {@link #run(int)} as {@code deskpilot bench ocr}.
 */
public final class OcrBench {
    private OcrBench() {}

    /** The timings of one benchmark run. */
    public record Result(
            String benchmark,
            String measuredAt,
            String models,
            int threads,
            int processors,
            String java,
            int runs,
            Timing fullRead1280x800,
            Timing fullRead400x520,
            Timing rereadAfterSmallChange1280x800,
            Timing detectionOnly1280x800,
            long modelLoadMs,
            double loadAverageBefore) {}

    /**
     * One timed case.
     *
     * @param medianMs the median wall time of one read
     * @param minMs the fastest read
     * @param lines text lines read (for a re-read: lines recognised again)
     * @param words words on the screen after the read
     */
    public record Timing(double medianMs, double minMs, int lines, int words) {}

    /** Loads the bundled models and times the three cases, {@code runs} times each. */
    public static Result run(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("benchmark runs must be at least 1, was " + runs);
        }
        var font = new Font(Font.DIALOG, Font.PLAIN, 13);
        var large = SwingScreens.labelsAndButtons(1280, 800, font, false, 1);
        var small = SwingScreens.labelsAndButtons(400, 520, font, false, 2);
        BufferedImage changed = replaceWord(large);
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long loadStart = System.nanoTime();
        int threads;
        try (var engine = new OcrEngine(OcrModels.bundled(TextReader.defaultThreads()))) {
            threads = TextReader.defaultThreads();
            long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
            Timing full = fullRead(engine, Pixels.of(large.image()), runs);
            Timing smallFull = fullRead(engine, Pixels.of(small.image()), runs);
            Timing reread = reread(engine, Pixels.of(large.image()), Pixels.of(changed), runs);
            Timing detection = detectionOnly(engine, Pixels.of(large.image()), runs);
            return new Result(
                    "ocr",
                    Instant.now().toString(),
                    OcrModels.BUNDLED_DETECTION + ", " + OcrModels.BUNDLED_RECOGNITION,
                    threads,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version().toString(),
                    runs,
                    full,
                    smallFull,
                    reread,
                    detection,
                    loadMs,
                    loadAverage);
        }
    }

    private static Timing fullRead(OcrEngine engine, Pixels screen, int runs) {
        var reader = new IncrementalReader(engine);
        reader.read(screen); // warm-up
        double[] ms = new double[runs];
        List<TextLine> lines = List.of();
        for (int i = 0; i < runs; i++) {
            reader.forget();
            long start = System.nanoTime();
            lines = reader.read(screen);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return timing(ms, lines.size(), words(lines));
    }

    /** Detection alone (with its pre- and post-processing), to split a full read's time. */
    private static Timing detectionOnly(OcrEngine engine, Pixels screen, int runs) {
        double[] ms = new double[runs];
        int boxes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            boxes = engine.detect(screen, screen.bounds()).size();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return timing(ms, boxes, 0);
    }

    /** Alternates between the two frames, timing each re-read. */
    private static Timing reread(OcrEngine engine, Pixels before, Pixels after, int runs) {
        var reader = new IncrementalReader(engine);
        reader.read(before);
        reader.read(after); // warm-up
        double[] ms = new double[runs];
        int recognised = 0;
        List<TextLine> lines = List.of();
        for (int i = 0; i < runs; i++) {
            Pixels next = i % 2 == 0 ? before : after;
            long start = System.nanoTime();
            lines = reader.read(next);
            ms[i] = (System.nanoTime() - start) / 1e6;
            recognised = Math.max(recognised, reader.lastStats().recognisedLines());
        }
        return timing(ms, recognised, words(lines));
    }

    private static int words(List<TextLine> lines) {
        return lines.stream().mapToInt(l -> l.words().size()).sum();
    }

    private static Timing timing(double[] ms, int lines, int words) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new Timing(round(median), round(sorted[0]), lines, words);
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    /** The screen with its middle word painted over by another, as an app updating a label would. */
    private static BufferedImage replaceWord(SwingScreens.Screen screen) {
        BufferedImage copy =
                new BufferedImage(screen.image().getWidth(), screen.image().getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(screen.image(), 0, 0, null);
        Word target = screen.truth().get(screen.truth().size() / 2);
        var box = target.box();
        g.setColor(new Color(copy.getRGB(Math.max(0, box.x() - 2), box.y())));
        g.fillRect(box.x(), box.y(), box.width(), box.height());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.DIALOG, Font.PLAIN, 13));
        g.drawString("Saved", box.x(), box.y() + 12);
        g.dispose();
        return copy;
    }

    public static void main(String[] args) throws IOException {
        if (System.getenv("DISPLAY") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Path out = Path.of("bench", "results", "ocr.json");
        int runs = 5;
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).equals("--runs") && i + 1 < rest.size()) {
                runs = Integer.parseInt(rest.get(++i));
            } else {
                out = Path.of(rest.get(i));
            }
        }
        Result result = run(runs);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        var json = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writer()
                .writeValueAsString(result);
        Files.writeString(out, json + System.lineSeparator());
        System.out.println(json);
    }
}
