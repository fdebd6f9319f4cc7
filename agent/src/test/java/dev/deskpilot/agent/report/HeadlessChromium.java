package dev.deskpilot.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium (Debian's {@code chromium}) driven through the DevTools protocol over a
 * java.net.http WebSocket: enough to open a page, evaluate JavaScript, press keys and take a
 * screenshot. The browser listens on a port it picks itself ({@code --remote-debugging-port=0})
 * and names it in {@code DevToolsActivePort} in its fresh profile folder.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The browser binary: {@code -Ddeskpilot.chromium=PATH}, else Debian's /usr/bin/chromium. */
    static Path binary() {
        Path binary = Path.of(System.getProperty("deskpilot.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " not found: install Debian's chromium (apt-get install chromium;"
                    + " ./deskpilot test installs it), or name a Chromium with -Ddeskpilot.chromium=PATH");
        }
        return binary;
    }

    /** Starts a headless Chromium with a fresh profile in {@code profile} and attaches to its page. */
    static HeadlessChromium start(Path profile) throws Exception {
        Process process = new ProcessBuilder(
                        binary().toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,1000",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(
                        profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        try {
            int port = port(profile.resolve("DevToolsActivePort"), process);
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .timeout(TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String pageSocket = null;
            for (JsonNode target : JSON.readTree(targets)) {
                if (target.path("type").asText().equals("page")) {
                    pageSocket = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageSocket == null) {
                throw new IllegalStateException("Chromium has no page target: " + targets);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(pageSocket), listener)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            listener.owner = chromium;
            return chromium;
        } catch (Exception e) {
            destroy(process);
            throw e;
        }
    }

    private static int port(Path activePort, Process process) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(activePort)) {
                List<String> lines = Files.readAllLines(activePort);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with status " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Chromium wrote no " + activePort + " within " + TIMEOUT);
    }

    /** Sends one DevTools command and returns its {@code result}. */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Evaluates {@code expression} in the page and returns its value as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Opens {@code url} and waits until the page and its images have loaded. */
    void open(URI url) throws Exception {
        send("Page.navigate", Map.of("url", url.toString()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate("document.readyState === 'complete' && location.href.startsWith('" + url.getScheme() + "')"
                            + " && Array.from(document.images).every(i => i.complete)")
                    .asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(url + " did not finish loading within " + TIMEOUT);
    }

    /** Presses and releases a key, as a person at a keyboard would. */
    void press(String key, String code, int keyCode) throws Exception {
        Map<String, Object> down =
                new HashMap<>(Map.of("type", "keyDown", "key", key, "code", code, "windowsVirtualKeyCode", keyCode));
        if (key.length() == 1) {
            down.put("text", key);
        }
        send("Input.dispatchKeyEvent", down);
        send(
                "Input.dispatchKeyEvent",
                Map.of("type", "keyUp", "key", key, "code", code, "windowsVirtualKeyCode", keyCode));
    }

    /** A PNG of the visible part of the page. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder()
                .decode(send("Page.captureScreenshot", Map.of("format", "png"))
                        .path("data")
                        .asText());
    }

    @Override
    public void close() {
        socket.abort();
        destroy(process);
        // Chromium links its profile's Singleton* entries to a folder of its own in /tmp; remove the
        // links so that whoever deletes the profile does not have to think about where they point.
        for (String link : List.of("SingletonLock", "SingletonSocket", "SingletonCookie")) {
            try {
                Files.deleteIfExists(profile.resolve(link));
            } catch (IOException e) {
                // Left for the profile's owner to delete.
            }
        }
    }

    /** Ends the browser and every process it started (its renderers, zygotes, GPU process). */
    private static void destroy(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Collects a message's fragments and completes the command it answers. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    JsonNode node = JSON.readTree(message);
                    HeadlessChromium o = owner;
                    if (node.has("id") && o != null) {
                        CompletableFuture<JsonNode> reply =
                                o.pending.remove(node.get("id").asInt());
                        if (reply != null) {
                            reply.complete(node);
                        }
                    }
                } catch (IOException e) {
                    // Not JSON: DevTools never sends that; ignore rather than kill the listener.
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
