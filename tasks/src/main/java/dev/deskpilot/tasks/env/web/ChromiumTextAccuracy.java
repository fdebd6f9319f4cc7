package dev.deskpilot.tasks.env.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import dev.deskpilot.perception.ocr.SwingScreens;
import dev.deskpilot.perception.ocr.WordScore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * Measures the text reader's word recall and precision on Chromium screens: pages of labels,
 * buttons, links and text inputs with values in one font family and size, captured from the
 * screen as {@link ChromiumEnvironment} captures them, against each word's box from the DOM (a
 * span per word, or for input values the input's content box and the width of the text before
 * the word). Scores with perception's {@link WordScore}, as the Swing measurement does.
 *
 * <p>Run: {@code ./deskpilot bench ocr-accuracy --on chromium [--sizes 10,12,14,16,20] [--fonts
 * "FreeMono,serif"] [--verbose]}; it starts a private Xvfb and Chromium.
 */
public final class ChromiumTextAccuracy implements AutoCloseable {
    /** The screen the pages fill, as the Chromium environment's scenes do. */
    public static final Size SCREEN = new Size(1280, 800);
    /** CSS's generic families, which Chromium maps to installed fonts through fontconfig. */
    public static final List<String> GENERIC = List.of("sans-serif", "serif", "monospace");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromiumEnvironment chromium;
    private final TextReader reader;

    private ChromiumTextAccuracy(ChromiumEnvironment chromium, TextReader reader) {
        this.chromium = chromium;
        this.reader = reader;
    }

    /**
     * Starts Chromium on this JVM's private Xvfb and loads the text reader.
     *
     * @throws IOException if Xvfb or Chromium cannot be started
     * @throws ActionFailedException if no input can be sent to the display
     */
    public static ChromiumTextAccuracy open() throws IOException, ActionFailedException {
        ChromiumEnvironment chromium = ChromiumEnvironment.open(SCREEN);
        try {
            return new ChromiumTextAccuracy(chromium, TextReader.open());
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /** One table row: a font family at one pixel size. */
    public record Row(String family, int size, WordScore score) {}

    /** Word recall and precision on one page of {@code family} at {@code size} px. */
    public WordScore score(String family, int size, long seed) throws IOException {
        chromium.change(pageScript(family, size, seed));
        List<Word> truth = truth();
        reader.forget();
        var frame = chromium.observe();
        if (System.getProperty("ocr.shot") != null) {
            javax.imageio.ImageIO.write(
                    frame.image(), "png", new java.io.File(System.getProperty("ocr.shot") + family + size + ".png"));
        }
        List<Word> read = reader.read(frame).stream()
                .map(TextLine::words)
                .flatMap(List::stream)
                .toList();
        return WordScore.of(truth, read);
    }

    /** Scores every family at every size. */
    public List<Row> measure(List<String> families, List<Integer> sizes) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String family : families) {
            for (int size : sizes) {
                rows.add(new Row(family, size, score(family, size, family.hashCode() * 31L + size)));
            }
        }
        return rows;
    }

    /**
     * Whether Chromium draws {@code family} with some other font: text in {@code "family",
     * monospace} and in {@code "family", serif} measures exactly as in the generic family alone.
     */
    public boolean fallsBack(String family) throws IOException {
        if (GENERIC.contains(family)) {
            return false;
        }
        String css = cssFamily(family);
        return chromium.evaluate("(() => { const c = document.createElement('canvas').getContext('2d');"
                        + " const w = f => { c.font = '40px ' + f; return c.measureText('Quick fox 0123 WMil').width; };"
                        + " return w(" + quote(css + ", monospace") + ") === w('monospace')"
                        + " && w(" + quote(css + ", serif") + ") === w('serif'); })()")
                .asBoolean();
    }

    /**
     * The font families fontconfig lists ({@code fc-list : family}), each name of a family with
     * several, sorted; then CSS's generic families.
     */
    public static List<String> installedFamilies() throws IOException {
        Process fcList = new ProcessBuilder("fc-list", ":", "family").start();
        fcList.getOutputStream().close();
        String out = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var names = new TreeSet<String>();
        for (String line : out.split("\n")) {
            for (String name : line.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        List<String> families = new ArrayList<>(names);
        families.addAll(GENERIC);
        return families;
    }

    /**
     * A script that fills the page with UI text: labels, buttons, links and inputs with values in a
     * wrapping row layout, dropping what flows off the screen. Every word outside inputs is a span
     * of its own, so the DOM knows its box.
     */
    static String pageScript(String family, int size, long seed) {
        var random = new Random(seed);
        List<String> texts = SwingScreens.texts();
        var html = new StringBuilder();
        int count = SCREEN.width() * SCREEN.height() / (size * 150) + 10;
        for (int i = 0; i < count; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            int kind = random.nextInt(20);
            if (kind < 8) {
                html.append("<span class=\"dp-part\">").append(spans(text)).append("</span>");
            } else if (kind < 13) {
                html.append("<button class=\"dp-part\">").append(spans(text)).append("</button>");
            } else if (kind < 16) {
                html.append("<a class=\"dp-part\" href=\"#\">")
                        .append(spans(text))
                        .append("</a>");
            } else {
                html.append("<input class=\"dp-part dp-input\" value=\"")
                        .append(escape(text))
                        .append("\" size=\"")
                        .append(text.length() + 3)
                        .append("\">");
            }
        }
        String style = "font-family:" + cssFamily(family) + ";font-size:" + size + "px;background:#fff;color:#000;"
                + "position:absolute;left:0;top:0;width:" + SCREEN.width() + "px;height:" + SCREEN.height() + "px;"
                + "box-sizing:border-box;padding:10px;display:flex;flex-wrap:wrap;align-content:flex-start;"
                + "align-items:center;gap:14px 18px;overflow:hidden";
        return "(() => { document.body.innerHTML = "
                + quote("<style>#dp button, #dp input { font: inherit; }</style>" + "<div id=\"dp\" style=\""
                        + escape(style) + "\">" + html + "</div>")
                + "; const h = document.documentElement.clientHeight;"
                + " for (const e of [...document.querySelectorAll('.dp-part')])"
                + " { if (e.getBoundingClientRect().bottom > h - 4) e.remove(); } })()";
    }

    /** Every word's box on the page, in screen pixels. */
    private List<Word> truth() throws IOException {
        JsonNode boxes = chromium.evaluate("(() => { const out = [];"
                + " const push = (t, x, y, w, h) => out.push({t, x, y, w, h});"
                + " for (const s of document.querySelectorAll('#dp .dp-word')) {"
                + "   const r = s.getBoundingClientRect(); push(s.textContent, r.left, r.top, r.width, r.height); }"
                + " const c = document.createElement('canvas').getContext('2d');"
                + " for (const e of document.querySelectorAll('#dp .dp-input')) {"
                + "   const cs = getComputedStyle(e); const px = v => parseFloat(v) || 0;"
                + "   c.font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;"
                + "   const r = e.getBoundingClientRect();"
                + "   const left = r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft);"
                + "   const top = r.top + px(cs.borderTopWidth) + px(cs.paddingTop);"
                + "   const height = r.height - px(cs.borderTopWidth) - px(cs.paddingTop)"
                + "     - px(cs.borderBottomWidth) - px(cs.paddingBottom);"
                + "   let at = 0;"
                + "   for (const word of e.value.split(' ')) { const i = e.value.indexOf(word, at);"
                + "     push(word, left + c.measureText(e.value.substring(0, i)).width, top,"
                + "       c.measureText(word).width, height); at = i + word.length; } }"
                + " return out; })()");
        Point origin = chromium.viewport();
        List<Word> words = new ArrayList<>();
        for (JsonNode b : boxes) {
            int x0 = (int) Math.floor(b.get("x").asDouble());
            int y0 = (int) Math.floor(b.get("y").asDouble());
            int x1 = (int) Math.ceil(b.get("x").asDouble() + b.get("w").asDouble());
            int y1 = (int) Math.ceil(b.get("y").asDouble() + b.get("h").asDouble());
            words.add(new Word(
                    b.get("t").asText(),
                    new Rect(origin.x() + x0, origin.y() + y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)),
                    1.0));
        }
        return words;
    }

    private static String spans(String text) {
        var out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append("<span class=\"dp-word\">").append(escape(word)).append("</span>");
        }
        return out.toString();
    }

    private static String cssFamily(String family) {
        return GENERIC.contains(family) ? family : "'" + family.replace("'", "") + "'";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot quote a string as JSON", e);
        }
    }

    @Override
    public void close() {
        reader.close();
        chromium.close();
    }

    /** The rows as Markdown tables: per family and size, and per family for 12 px and larger. */
    public static void print(List<Row> rows, List<String> fallback, PrintStream out) {
        out.println("| font family | px | words | recall | precision |");
        out.println("|---|---:|---:|---:|---:|");
        for (Row row : rows) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.3f | %.3f |%n",
                    row.family(),
                    row.size(),
                    row.score().truth(),
                    row.score().recall(),
                    row.score().precision());
        }
        out.println();
        out.println("| font family, 12 px and larger | words | recall | precision |");
        out.println("|---|---:|---:|---:|");
        var families = new LinkedHashMap<String, WordScore>();
        WordScore total = new WordScore(0, 0, 0, List.of(), List.of());
        for (Row row : rows) {
            if (row.size() >= 12) {
                families.merge(row.family(), row.score(), WordScore::plus);
                total = total.plus(row.score());
            }
        }
        families.forEach((family, score) -> out.printf(
                Locale.ROOT,
                "| %s%s | %d | %.3f | %.3f |%n",
                family,
                fallback.contains(family) ? " (not found; Chromium fell back)" : "",
                score.truth(),
                score.recall(),
                score.precision()));
        out.printf(
                Locale.ROOT,
                "%nAll fonts, 12 px and larger: %d words, recall %.4f, precision %.4f%n",
                total.truth(),
                total.recall(),
                total.precision());
    }
}
