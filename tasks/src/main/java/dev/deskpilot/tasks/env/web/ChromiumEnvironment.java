package dev.deskpilot.tasks.env.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.ActionFailedException;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.actions.Size;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.perception.Frame;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.perception.Settle;
import dev.deskpilot.tasks.env.Environment;
import dev.deskpilot.tasks.env.InputEchoes;
import dev.deskpilot.tasks.env.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web backend: each instance's scene rendered as a page by Debian's Chromium, a real kiosk
 * window on the JVM's private Xvfb, captured by {@link RobotScreen} and driven by {@link
 * RobotExecutor} with real input events, as a person would use a browser. The page comes from a
 * loopback server; the DevTools protocol loads each scene into it and reads the app's state (for
 * the reward) and where elements are (for the oracle) — never anything the agent gets.
 *
 * <p>The page's viewport is found on screen once, at start, from a marker the page draws (kiosk
 * mode puts it at (0,0)), and element rectangles are moved by that offset.
 */
public final class ChromiumEnvironment implements Environment {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Settle SETTLE = new Settle(Duration.ofMillis(40), Duration.ofMillis(10));
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration INPUT_TIMEOUT = Duration.ofSeconds(2);
    private static final int MARKER = 0xfe01fe;

    private final RobotScreen screen;
    private final RobotExecutor executor;
    private final PageServer server;
    private final Chromium chromium;
    private final DevTools page;
    private int offsetX;
    private int offsetY;
    private boolean loaded;

    private ChromiumEnvironment(
            RobotScreen screen, RobotExecutor executor, PageServer server, Chromium chromium, DevTools page) {
        this.screen = screen;
        this.executor = executor;
        this.server = server;
        this.chromium = chromium;
        this.page = page;
    }

    /**
     * Starts the page server and Chromium on this JVM's private Xvfb of {@code size} (started if
     * there is none yet).
     *
     * @throws IOException if Xvfb or Chromium cannot be started
     * @throws ActionFailedException if no input can be sent to the display
     */
    public static ChromiumEnvironment open(Size size) throws IOException, ActionFailedException {
        String display = Displays.ensurePrivateXvfb(size);
        RobotScreen screen = RobotScreen.open();
        if (!screen.size().equals(size)) {
            throw new IllegalStateException(
                    "display " + display + " is " + screen.size() + ", but the scenes need " + size);
        }
        RobotExecutor executor =
                RobotExecutor.open(display, RobotExecutor.Settings.DEFAULT.withWaitPause(Duration.ofMillis(100)));
        PageServer server = PageServer.start();
        Chromium chromium;
        try {
            chromium = Chromium.launch(display, size, server.url());
        } catch (IOException e) {
            server.close();
            throw e;
        }
        try {
            URI url = server.url();
            DevTools page = chromium.page(url);
            ChromiumEnvironment env = new ChromiumEnvironment(screen, executor, server, chromium, page);
            env.awaitRenderer();
            env.findViewport();
            return env;
        } catch (IOException | RuntimeException e) {
            chromium.close();
            server.close();
            throw e;
        }
    }

    private void awaitRenderer() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"object".equals(page.evaluate("typeof window.deskpilot").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the task page did not load in Chromium");
            }
            sleep(50);
        }
    }

    /** Draws a marker at the viewport's corner and finds it on screen. */
    private void findViewport() throws IOException {
        page.evaluate("document.body.innerHTML = '<div style=\"position:absolute;left:0;top:0;width:6px;height:6px;"
                + "background:#" + Integer.toHexString(MARKER) + "\"></div>'");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var image = screen.capture().image();
            for (int y = 0; y < Math.min(200, image.getHeight()); y++) {
                for (int x = 0; x < Math.min(200, image.getWidth()); x++) {
                    if ((image.getRGB(x, y) & 0xffffff) == MARKER) {
                        offsetX = x;
                        offsetY = y;
                        return;
                    }
                }
            }
            sleep(50);
        }
        throw new IOException("cannot find Chromium's page on the screen (no marker within 200 px of the corner)");
    }

    @Override
    public String backend() {
        return "chromium";
    }

    @Override
    public void reset(Instance instance) {
        instance.requireScreen(screen.size());
        try {
            page.evaluate("deskpilot.load(" + JSON.writeValueAsString(SceneJson.of(instance.scene())) + ")");
            loaded = true;
            settle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot show " + instance.name() + " in Chromium: " + e.getMessage(), e);
        }
    }

    @Override
    public Frame observe() {
        return screen.capture();
    }

    @Override
    public void act(Action action) throws ActionFailedException {
        started();
        long before = inputs();
        executor.execute(action);
        long want = before
                + switch (action) {
                    case Action.Click c -> 1;
                    case Action.DoubleClick d -> 2;
                    case Action.RightClick r -> 1;
                    case Action.Drag d -> 1;
                    case Action.Scroll s -> 1;
                    case Action.TypeText t -> InputEchoes.keyReleases(t);
                    case Action.Hotkey h -> 1;
                    case Action.Wait w -> 0;
                    case Action.Finished f -> 0;
                    case Action.CallUser c -> 0;
                };
        long deadline = System.nanoTime() + INPUT_TIMEOUT.toNanos();
        while (inputs() < want && System.nanoTime() < deadline) {
            sleep(5);
        }
        try {
            settle();
        } catch (IOException e) {
            throw new ActionFailedException("Chromium stopped answering: " + e.getMessage(), e);
        }
    }

    /** How many pointer releases, key releases and wheel events the page has seen. */
    private long inputs() {
        try {
            return page.evaluate("deskpilot.inputs()").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for two animation frames (the page has painted) and for the screen to be still. */
    private void settle() throws IOException {
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
        try {
            SETTLE.await(screen, SETTLE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Chromium to paint", e);
        }
    }

    @Override
    public Map<String, String> state() {
        started();
        try {
            Map<String, String> state = new LinkedHashMap<>();
            page.evaluate("deskpilot.state()")
                    .fields()
                    .forEachRemaining(e -> state.put(e.getKey(), e.getValue().asText()));
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Rect> locate(String id) {
        return rect("locate", id);
    }

    @Override
    public Optional<Rect> place(String id) {
        return rect("place", id);
    }

    private Optional<Rect> rect(String how, String id) {
        started();
        try {
            JsonNode r = page.evaluate("deskpilot." + how + "(" + JSON.writeValueAsString(id) + ")");
            if (r == null || r.isNull() || r.isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of(new Rect(
                    r.get("x").asInt() + offsetX,
                    r.get("y").asInt() + offsetY,
                    r.get("width").asInt(),
                    r.get("height").asInt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void started() {
        if (!loaded) {
            throw new IllegalStateException("reset the environment to an instance first");
        }
    }

    /**
     * Runs {@code script} in the page and waits until the page is painted and still. For
     * measurements in this package (see {@link ChromiumTextAccuracy}), never for the agent.
     */
    void change(String script) throws IOException {
        page.evaluate(script);
        settle();
    }

    /** Evaluates a script in the page; for measurements in this package, never for the agent. */
    JsonNode evaluate(String expression) throws IOException {
        return page.evaluate(expression);
    }

    /** Where the page's viewport origin is on the screen. */
    Point viewport() {
        return new Point(offsetX, offsetY);
    }

    @Override
    public void close() {
        page.close();
        chromium.close();
        server.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
