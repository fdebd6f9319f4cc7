package dev.deskpilot.tasks.env.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Serves the task page on the loopback interface only: one HTML page with the scene renderer in
 * it. Scenes themselves are handed to the page through the DevTools protocol, so a reset does not
 * reload anything.
 */
final class PageServer implements AutoCloseable {
    private static final String RENDERER = "/dev/deskpilot/tasks/env/web/scene.js";

    private final HttpServer server;

    private PageServer(HttpServer server) {
        this.server = server;
    }

    static PageServer start() throws IOException {
        byte[] page = page();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                boolean found = exchange.getRequestURI().getPath().equals("/");
                byte[] body = found ? page : "not found".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", found ? "text/html; charset=utf-8" : "text/plain");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(found ? 200 : 404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new PageServer(server);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static byte[] page() throws IOException {
        String script;
        try (InputStream in = PageServer.class.getResourceAsStream(RENDERER)) {
            if (in == null) {
                throw new IOException("the page renderer " + RENDERER + " is missing from the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return ("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>deskpilot</title></head>\n"
                        + "<body style=\"margin:0;background:#000;overflow:hidden\">\n<script>\n" + script
                        + "\n</script>\n</body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
