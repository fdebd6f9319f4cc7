package dev.deskpilot.tasks.env.swing;

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
 * The real-window backend on a private Xvfb. Runs in its own test JVM (see the module's pom): the
 * display must be connected before anything touches AWT.
 */
@DisplayName("Task families as real windows on Xvfb")
class WindowEnvironmentTest {
    static final Size SCREEN = new Size(1280, 800);
    static final int SEEDS = 3;

    static WindowEnvironment window;

    @BeforeAll
    static void open() throws Exception {
        window = WindowEnvironment.open(SCREEN);
    }

    @AfterAll
    static void close() {
        if (window != null) {
            window.close();
        }
    }

    static Stream<String> families() {
        return Families.all().stream().map(Family::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @DisplayName("the same instance puts every widget at the same pixels as the virtual screen, and looks the same")
    void samePositions(String name) {
        Family family = Families.get(name);
        try (VirtualEnvironment virtual = new VirtualEnvironment()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                Instance instance = family.generate(seed, SCREEN);
                virtual.reset(instance);
                window.reset(instance);
                Map<String, Optional<Rect>> inVirtual = new LinkedHashMap<>();
                Map<String, Optional<Rect>> inWindow = new LinkedHashMap<>();
                for (Widget w : Scenes.all(instance.scene())) {
                    inVirtual.put(w.id(), virtual.locate(w.id()));
                    inWindow.put(w.id(), window.locate(w.id()));
                }
                assertEquals(inVirtual, inWindow, instance.name());
                double same =
                        sameFraction(virtual.observe().image(), window.observe().image());
                assertTrue(same > 0.98, instance.name() + ": only " + same + " of the pixels agree");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    @DisplayName("the oracle earns reward 1 with real input events")
    void oracleSucceeds(String name) {
        Family family = Families.get(name);
        for (long seed = 0; seed < SEEDS; seed++) {
            Instance instance = family.generate(seed, SCREEN);
            Episode e = Rollout.run(window, instance, new Oracle(instance, window));
            assertEquals(1, e.reward(), instance.name() + " " + e.ending() + " " + e.misses() + " " + e.error());
        }
    }

    /** The share of pixels that are exactly equal. */
    static double sameFraction(BufferedImage a, BufferedImage b) {
        long same = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xffffff) == (b.getRGB(x, y) & 0xffffff)) {
                    same++;
                }
            }
        }
        return (double) same / ((long) a.getWidth() * a.getHeight());
    }
}
