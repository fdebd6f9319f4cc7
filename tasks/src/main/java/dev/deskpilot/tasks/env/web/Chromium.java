package dev.deskpilot.tasks.env.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.actions.Size;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium as a real window on an X display: a full-screen kiosk window at (0,0), a fresh
 * profile, no network chatter, the DevTools protocol on a loopback port it picks itself. Stopping it
 * ends the browser and all its helper processes, and removes the profile.
 */
final class Chromium implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final int devToolsPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private Chromium(Process process, Path profile, int devToolsPort) {
        this.process = process;
        this.profile = profile;
        this.devToolsPort = devToolsPort;
    }

    /** Where Debian installs it. */
    static Optional<Path> binary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Chromium on {@code display} showing {@code url} in a {@code screen}-sized kiosk window.
     *
     * @throws IOException if Chromium is not installed, exits, or does not open its DevTools port in time
     */
    static Chromium launch(String display, Size screen, URI url) throws IOException {
        Path binary = binary().orElseThrow(() -> new IOException(
                "Chromium is not installed (no /usr/bin/chromium); install the Debian package chromium"));
        Path profile = Files.createTempDirectory("deskpilot-chromium-");
        List<String> command = List.of(
                binary.toString(),
                // Root in a container has no user namespaces for the sandbox.
                "--no-sandbox",
                // Without this, --no-sandbox shows an info bar that pushes the page down.
                "--test-type",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-features=Translate,MediaRouter,OptimizationHints",
                "--password-store=basic",
                "--disable-smooth-scrolling",
                "--force-device-scale-factor=1",
                "--kiosk",
                "--window-position=0,0",
                "--window-size=" + screen.width() + "," + screen.height(),
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                url.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile());
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            int port = awaitDevToolsPort(process, profile);
            return new Chromium(process, profile, port);
        } catch (IOException | RuntimeException e) {
            stop(process);
            deleteQuietly(profile);
            throw e;
        }
    }

    /** Chromium writes the port it chose into the profile once DevTools listens. */
    private static int awaitDevToolsPort(Process process, Path profile) throws IOException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Chromium exited at start-up with status " + process.exitValue() + "; its log: "
                        + lastLines(profile.resolve("chromium.log")));
            }
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.getFirst().isBlank()) {
                    return Integer.parseInt(lines.getFirst().strip());
                }
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IOException("Chromium did not open its DevTools port within " + STARTUP.toSeconds() + " s");
    }

    /** Connects to the page target showing {@code url}, waiting until it exists. */
    DevTools page(URI url) throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode targets;
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + devToolsPort + "/json/list"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                targets = JSON.readTree(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while looking for the page", e);
            }
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())
                        && t.path("url").asText().startsWith(url.toString())) {
                    return DevTools.connect(
                            http, URI.create(t.get("webSocketDebuggerUrl").asText()));
                }
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IOException("Chromium shows no page at " + url);
    }

    @Override
    public void close() {
        stop(process);
        deleteQuietly(profile);
    }

    private static void stop(Process process) {
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        helpers.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A file Chromium still held; the temp folder is cleaned by the system later.
                }
            });
        } catch (IOException e) {
            // Already gone.
        }
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Chromium", e);
        }
    }
}
