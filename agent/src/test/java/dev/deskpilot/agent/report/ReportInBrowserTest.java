package dev.deskpilot.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.agent.RunStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report as a person sees it: opened in headless Chromium, driven with the keyboard. */
@DisplayName("The run report in a browser")
class ReportInBrowserTest {
    @TempDir
    static Path tmp;

    static HeadlessChromium chromium;
    static int steps;

    @BeforeAll
    static void open() throws Exception {
        Path run = SyntheticRun.write(tmp, "form", RunStatus.FINISHED, true);
        steps = SyntheticRun.STEPS.size();
        Path report = Reports.writeRunReport(run);
        chromium = HeadlessChromium.start(tmp.resolve("profile"));
        chromium.open(report.toUri());
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String visibleStep() throws Exception {
        return chromium.evaluate("Array.from(document.querySelectorAll('section.step'))"
                        + ".filter(s => s.getClientRects().length > 0).map(s => s.id).join(',')")
                .asText();
    }

    @Test
    @DisplayName("renders the first and last steps' frames, decoded at full size, with their action marks")
    void framesAndMarks() throws Exception {
        chromium.press("Home", "Home", 36);
        assertEquals(
                steps,
                chromium.evaluate("document.querySelectorAll('section.step').length")
                        .asInt());
        for (int step : new int[] {1, steps}) {
            String section = "document.querySelector('#step-" + step + "')";
            assertEquals(
                    SyntheticRun.WIDTH,
                    chromium.evaluate(section + ".querySelector('figure.frame img').naturalWidth")
                            .asInt(),
                    "step " + step + "'s frame decodes");
            assertEquals(
                    1,
                    chromium.evaluate(section + ".querySelectorAll('svg.overlay .mark-click').length")
                            .asInt(),
                    "step " + step + " has its click drawn");
        }
        assertEquals(
                "true",
                chromium.evaluate(
                                "(() => { const r = document.querySelector('#step-1 .mark-click').getBoundingClientRect();"
                                        + " return String(r.width > 5 && r.height > 5); })()")
                        .asText(),
                "the first step's mark is laid out on screen");
    }

    @Test
    @DisplayName("draws the mark in the page's pixels: the screenshot shows the click's red ring")
    void screenshotShowsMark() throws Exception {
        chromium.press("Home", "Home", 36);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(chromium.screenshot()));
        int red = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r > 200 && g < 80 && b < 80) {
                    red++;
                }
            }
        }
        assertTrue(red > 30, "red pixels of the click mark: " + red);
    }

    @Test
    @DisplayName("shows one step at a time; → and j go to the next step, k and ← back, End to the last")
    void keyboard() throws Exception {
        chromium.press("Home", "Home", 36);
        assertEquals("step-1", visibleStep());

        chromium.press("ArrowRight", "ArrowRight", 39);
        assertEquals("step-2", visibleStep());
        assertEquals("#step-2", chromium.evaluate("location.hash").asText());
        assertEquals(
                "step",
                chromium.evaluate("document.querySelector('nav.steps a[data-step=\"2\"]').getAttribute('aria-current')")
                        .asText());

        chromium.press("j", "KeyJ", 74);
        assertEquals("step-3", visibleStep());
        chromium.press("k", "KeyK", 75);
        assertEquals("step-2", visibleStep());
        chromium.press("ArrowLeft", "ArrowLeft", 37);
        assertEquals("step-1", visibleStep());
        chromium.press("ArrowLeft", "ArrowLeft", 37);
        assertEquals("step-1", visibleStep(), "no step before the first");

        chromium.press("End", "End", 35);
        assertEquals("step-" + steps, visibleStep());
        assertEquals(
                "true",
                chromium.evaluate("(() => { const r = document.querySelector('#step-" + steps
                                + " .mark-click').getBoundingClientRect(); return String(r.width > 5); })()")
                        .asText(),
                "the last step's mark is shown");
    }
}
