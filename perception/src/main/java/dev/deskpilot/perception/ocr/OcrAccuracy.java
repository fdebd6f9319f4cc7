package dev.deskpilot.perception.ocr;

import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Measures the reader's word recall and precision on Swing screens in every installed font family
 * and prints a Markdown table per font and size, for docs/ocr.md.
 *
 * <p>Run: {@code ./deskpilot bench ocr-accuracy --on swing [--sizes 10,12,14,16,20] [--fonts
 * "FreeMono,Liberation Mono"] [--verbose]}; the screens are painted into images, no display needed.
 */
public final class OcrAccuracy {
    private OcrAccuracy() {}

    /** One table row: a font family at one pixel size, aliased and antialiased. */
    public record Row(String family, int size, WordScore aliased, WordScore antialiased) {}

    /** Reads one screen of labels and buttons per family, size and antialiasing setting. */
    public static List<Row> measure(
            TextReader reader, List<String> families, List<Integer> sizes, int width, int height) {
        List<Row> rows = new ArrayList<>();
        for (String family : families) {
            for (int size : sizes) {
                long seed = family.hashCode() * 31L + size;
                rows.add(new Row(
                        family,
                        size,
                        score(reader, family, size, false, seed, width, height),
                        score(reader, family, size, true, seed, width, height)));
            }
        }
        return rows;
    }

    /** Word recall and precision on one rendered screen. */
    public static WordScore score(
            TextReader reader, String family, int size, boolean antialiased, long seed, int width, int height) {
        var screen =
                SwingScreens.labelsAndButtons(width, height, new Font(family, Font.PLAIN, size), antialiased, seed);
        reader.forget();
        List<Word> read = reader.read(screen.image()).stream()
                .map(TextLine::words)
                .flatMap(List::stream)
                .toList();
        return WordScore.of(screen.truth(), screen.illegible(), read);
    }

    /** The font families Java sees, logical ones (Dialog, SansSerif, Serif, Monospaced...) included. */
    public static List<String> installedFamilies() {
        return List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT));
    }

    /** The rows as a Markdown table, with totals for 12 px and larger. */
    public static void print(List<Row> rows, PrintStream out) {
        out.println("| font family | px | words | recall (aliased) | precision (aliased) | recall (antialiased)"
                + " | precision (antialiased) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        WordScore total = new WordScore(0, 0, 0, List.of(), List.of());
        for (Row row : rows) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n",
                    row.family(),
                    row.size(),
                    row.aliased().truth() + row.antialiased().truth(),
                    row.aliased().recall(),
                    row.aliased().precision(),
                    row.antialiased().recall(),
                    row.antialiased().precision());
            if (row.size() >= 12) {
                total = total.plus(row.aliased()).plus(row.antialiased());
            }
        }
        out.println();
        out.println("| font family, 12 px and larger | words | recall (aliased) | precision (aliased)"
                + " | recall (antialiased) | precision (antialiased) | recall | precision |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        var aliased = new LinkedHashMap<String, WordScore>();
        var antialiased = new LinkedHashMap<String, WordScore>();
        for (Row row : rows) {
            if (row.size() >= 12) {
                aliased.merge(row.family(), row.aliased(), WordScore::plus);
                antialiased.merge(row.family(), row.antialiased(), WordScore::plus);
            }
        }
        aliased.forEach((family, a) -> {
            WordScore aa = antialiased.get(family);
            WordScore both = a.plus(aa);
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    family,
                    both.truth(),
                    a.recall(),
                    a.precision(),
                    aa.recall(),
                    aa.precision(),
                    both.recall(),
                    both.precision());
        });
        out.printf(
                Locale.ROOT,
                "%nAll fonts, 12 px and larger: %d words, recall %.4f, precision %.4f%n",
                total.truth(),
                total.recall(),
                total.precision());
    }
}
