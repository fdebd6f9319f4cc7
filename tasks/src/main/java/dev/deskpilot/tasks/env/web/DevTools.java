package dev.deskpilot.tasks.env.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools protocol client for one page target over a {@code java.net.http}
 * WebSocket: send a command, wait for the reply with the same id; events are ignored. Used to set
 * up and judge tasks, never to tell the agent anything.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to a target's {@code webSocketDebuggerUrl}. */
    static DevTools connect(HttpClient http, URI webSocket) throws IOException {
        Listener listener = new Listener();
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder()
                    .connectTimeout(TIMEOUT)
                    .buildAsync(webSocket, listener)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + webSocket, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to the browser's DevTools at " + webSocket + ": " + e, e);
        }
        DevTools devTools = new DevTools(socket);
        listener.owner = devTools;
        return devTools;
    }

    /** Sends {@code method} with {@code params} and returns the reply's {@code result}. */
    JsonNode call(String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode answer = reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.has("error")) {
                throw new IOException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no answer from the browser: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Evaluates a JavaScript expression in the page and returns its value (as JSON).
     *
     * @throws IOException if the script threw; the message carries the page's exception text
     */
    JsonNode evaluate(String expression) throws IOException {
        ObjectNode params = JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new IOException("the page threw: "
                    + details.path("exception")
                            .path("description")
                            .asText(details.path("text").asText()));
        }
        return result.path("result").path("value");
    }

    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply =
                        pending.get(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            }
        } catch (IOException e) {
            // Not JSON: not a reply to anything we sent.
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                .orTimeout(2, TimeUnit.SECONDS)
                .exceptionally(e -> null);
    }

    /** Collects a message's fragments and hands whole messages to the client. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile DevTools owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (owner != null) {
                    owner.receive(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
