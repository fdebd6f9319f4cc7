package dev.deskpilot.tasks.env.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Episode;
import dev.deskpilot.tasks.env.Family;
import dev.deskpilot.tasks.env.Instance;
import dev.deskpilot.tasks.env.Oracle;
import dev.deskpilot.tasks.env.Rollout;
import dev.deskpilot.tasks.env.Scenes;
import dev.deskpilot.tasks.env.Widget;
import dev.deskpilot.tasks.env.swing.VirtualEnvironment;
import dev.deskpilot.tasks.families.Families;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The web backend: Debian's Chromium on a private Xvfb. Runs in the module's real-window test JVM
 * (see the pom), and needs the Debian package chromium, which the launcher installs for the tests.
 */
@DisplayName("Task families as web pages in Chromium")
class ChromiumEnvironmentTest {
    static final Size SCREEN = new Size(1280, 800);
    static final int SEEDS = 2;

    static ChromiumEnvironment chromium;

    @BeforeAll
    static void open() throws Exception {
        chromium = ChromiumEnvironment.open(SCREEN);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    static Stream<String> families() {
        return Families.all().stream().map(Family::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @DisplayName("the page puts every widget where the virtual screen has it, and looks much the same")
    void samePositions(String name) {
        Family family = Families.get(name);
        try (VirtualEnvironment virtual = new VirtualEnvironment()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                Instance instance = family.generate(seed, SCREEN);
                virtual.reset(instance);
                chromium.reset(instance);
                Map<String, Optional<Rect>> inVirtual = new LinkedHashMap<>();
                Map<String, Optional<Rect>> inPage = new LinkedHashMap<>();
                for (Widget w : Scenes.all(instance.scene())) {
                    // Where text wraps (a paragraph's links) is up to each renderer; boxes are not.
                    if (!(w instanceof Widget.Paragraph)) {
                        inVirtual.put(w.id(), virtual.locate(w.id()));
                        inPage.put(w.id(), chromium.locate(w.id()));
                    }
                }
                assertEquals(inVirtual, inPage, instance.name());
                double same = near(virtual.observe().image(), chromium.observe().image());
                assertTrue(same > 0.9, instance.name() + ": only " + same + " of the pixels are close");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @DisplayName("the oracle earns reward 1 with real input events in the browser")
    void oracleSucceeds(String name) {
        Family family = Families.get(name);
        for (long seed = 0; seed < SEEDS; seed++) {
            Instance instance = family.generate(seed, SCREEN);
            Episode e = Rollout.run(chromium, instance, new Oracle(instance, chromium));
            assertEquals(1, e.reward(), instance.name() + " " + e.ending() + " " + e.misses() + " " + e.error());
        }
    }

    /** The share of pixels whose colour channels all differ by at most 32 (text antialiasing differs). */
    static double near(BufferedImage a, BufferedImage b) {
        long close = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((q >> 16) & 255)) <= 32
                        && Math.abs(((p >> 8) & 255) - ((q >> 8) & 255)) <= 32
                        && Math.abs((p & 255) - (q & 255)) <= 32) {
                    close++;
                }
            }
        }
        return (double) close / ((long) a.getWidth() * a.getHeight());
    }
}
