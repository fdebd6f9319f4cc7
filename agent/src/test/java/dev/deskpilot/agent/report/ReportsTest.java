package dev.deskpilot.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Size;
import dev.deskpilot.agent.RunStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Run reports")
class ReportsTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("the run report is one self-contained file: every frame is embedded, nothing is fetched")
    void selfContained() throws IOException {
        Path run = SyntheticRun.write(tmp, "form", RunStatus.FINISHED, true);
        String html = Files.readString(Reports.writeRunReport(run));

        assertEquals(SyntheticRun.STEPS.size(), count(html, "src=\"data:image/png;base64,"), "one frame per step");
        assertEquals(0, count(html, "src=\"http"), "no remote images");
        assertEquals(0, count(html, "<link"), "no linked style sheets");
        assertEquals(0, count(html, "<script src"), "no linked scripts");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            assertTrue(hrefs.group(1).startsWith("#step-"), "only links between steps, found " + hrefs.group(1));
        }
    }

    @Test
    @DisplayName("draws each step's pointer action on its frame, at the screen point it was performed")
    void marksAtScreenPoints() throws IOException {
        Path run = SyntheticRun.write(tmp, "form", RunStatus.FINISHED, true);
        String html = Files.readString(Reports.writeRunReport(run));

        assertTrue(section(html, 1).contains("class=\"mark mark-click\""), section(html, 1));
        assertTrue(section(html, 1).contains("cx=\"100\" cy=\"80\""), "click ring at (100,80)");
        assertTrue(section(html, 2).contains("mark-left_double"));
        assertTrue(section(html, 3).contains("mark-right_single"));
        assertTrue(section(html, 4).contains("mark-drag"));
        assertTrue(
                section(html, 4).contains("x1=\"120\" y1=\"300\" x2=\"420\" y2=\"320\""),
                "drag arrow from start to end");
        assertTrue(section(html, 5).contains("mark-scroll"));
        assertFalse(section(html, 6).contains("class=\"mark"), "typing has no point to draw");
        assertTrue(section(html, 6).contains("type(content="), "but its text is listed");
        assertTrue(section(html, 7).contains("cx=\"600\" cy=\"360\""), "a click before finished() is drawn");
        assertTrue(section(html, 7).contains("finished(content="), "and finished() listed");
        assertTrue(section(html, 1).contains("viewBox=\"0 0 640 400\""), "overlay in screen pixels");
    }

    @Test
    @DisplayName("shows the status, the checks, each thought and timings, with all recorded text escaped")
    void contents() throws IOException {
        Path run = SyntheticRun.write(tmp, "form", RunStatus.ERROR, false);
        String html = Files.readString(Reports.writeRunReport(run));

        assertTrue(html.contains(">error</span>"), "status");
        assertTrue(html.contains(">not passed</span>"), "verdict");
        assertTrue(html.contains("state name equals &#39;Ada&#39;"), "the check, escaped");
        assertTrue(html.contains("Fill in the &lt;form&gt; &amp; submit"), "instruction, escaped");
        assertTrue(section(html, 2).contains("step 2 thinks &lt;carefully&gt;"), "thought");
        assertTrue(section(html, 2).contains("decide 20 ms"), "timings");
        assertFalse(html.contains("<Lovelace>"), "recorded text never becomes markup");
    }

    @Test
    @DisplayName("shows step fields it does not know, such as guard verdicts, instead of hiding them")
    void extraFields() throws IOException {
        Path run = SyntheticRun.write(tmp, "form", RunStatus.FINISHED, true);
        Path steps = run.resolve("steps.jsonl");
        List<String> lines = Files.readAllLines(steps);
        lines.set(0, lines.get(0).replaceFirst("\\}$", ",\"guard\":{\"verdict\":\"allow\",\"rule\":\"no-delete\"}}"));
        Files.write(steps, lines);

        String html = Files.readString(Reports.writeRunReport(run));
        assertTrue(section(html, 1).contains("<h3>guard</h3>"), section(html, 1));
        assertTrue(section(html, 1).contains("no-delete"));
    }

    @Test
    @DisplayName("renders a killed run: a cut-off last step line is reported, the other steps shown")
    void killedRun() throws IOException {
        Path run = SyntheticRun.write(tmp, "form", RunStatus.FINISHED, true);
        Files.writeString(run.resolve("steps.jsonl"), "{\"step\":8,\"frame\":\"fra", StandardOpenOption.APPEND);
        Files.writeString(
                run.resolve("run.json"),
                Files.readString(run.resolve("run.json")).replace("\"finished\"", "\"running\""));

        String html = Files.readString(Reports.writeRunReport(run));
        assertEquals(SyntheticRun.STEPS.size(), count(html, "<section class=\"step\""));
        assertTrue(html.contains("steps.jsonl line 8 is not complete JSON"), "names the cut-off line");
        assertTrue(html.contains("still says running"));
    }

    @Test
    @DisplayName("refuses a folder that is not a run folder, naming the missing run.json")
    void notARunFolder() {
        var e = assertThrows(NoSuchFileException.class, () -> Reports.writeRunReport(tmp));
        assertTrue(e.getMessage().contains("run.json"), e::getMessage);
    }

    @Test
    @DisplayName("indexes a folder of runs: success per task, status counts, a link to each run's report")
    void index() throws IOException {
        Path a = SyntheticRun.write(tmp.resolve("episodes"), "form", RunStatus.FINISHED, true);
        Path b = SyntheticRun.write(tmp.resolve("episodes"), "form", RunStatus.MAX_STEPS, false);
        Path c = SyntheticRun.write(tmp.resolve("episodes"), "notes", RunStatus.FINISHED, true);

        Path index = Reports.writeIndex(tmp);
        String html = Files.readString(index);
        assertEquals(tmp.resolve("index.html"), index);
        assertTrue(html.contains("2 of 3 passed"), html);
        assertTrue(
                html.contains(
                        "<td>form</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">50%</td>"),
                html);
        assertTrue(html.contains(
                "<td>notes</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100%</td>"));
        assertTrue(html.contains("<td>max_steps</td><td class=\"num\">1</td>"), "status counts");
        for (Path run : List.of(a, b, c)) {
            String link = "episodes/" + run.getFileName() + "/report.html";
            assertTrue(html.contains("href=\"" + link + "\""), "links " + link);
            assertTrue(Files.isRegularFile(tmp.resolve(link)), "and writes " + link);
        }
    }

    @Test
    @DisplayName("writes a looping GIF with one frame per step and the click drawn where it happened")
    void gif() throws IOException {
        Path run = SyntheticRun.write(tmp, "form", RunStatus.FINISHED, true);
        Path gif = Reports.writeRunGif(run);

        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(SyntheticRun.STEPS.size(), reader.getNumImages(true));

            IIOMetadataNode first =
                    (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode loop = (IIOMetadataNode)
                    first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            byte[] loopCount = (byte[]) loop.getUserObject();
            assertEquals(0, loopCount[1] | loopCount[2], "loops forever");

            BufferedImage frame = reader.read(0);
            assertEquals(SyntheticRun.WIDTH, frame.getWidth(), "not wider than the limit, so not scaled");
            int radius = Marks.radius(new Size(SyntheticRun.WIDTH, SyntheticRun.HEIGHT));
            assertTrue(isRed(frame.getRGB(100 + radius, 80)), "the click's ring, right of (100,80)");
            assertTrue(isRed(frame.getRGB(100, 80)), "and its centre dot");
            assertFalse(isRed(frame.getRGB(100 + 3 * radius, 80 + 3 * radius)), "but not everywhere");
            reader.dispose();
        }
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return r > 180 && g < 110 && b < 110;
    }

    private static String section(String html, int step) {
        int start = html.indexOf("<section class=\"step\" id=\"step-" + step + "\"");
        assertTrue(start >= 0, "no section for step " + step);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
