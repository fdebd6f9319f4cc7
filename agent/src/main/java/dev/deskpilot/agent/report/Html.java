package dev.deskpilot.agent.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The little HTML the pages need: escaping, and the style sheet and script they embed. */
final class Html {
    private Html() {}

    /** {@code text} safe inside an element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The style sheet every page embeds. */
    static String css() {
        return resource("report.css");
    }

    /** The run page's step navigation. */
    static String script() {
        // "</script" cannot appear inside a script element; the file has none, and this keeps it so.
        return resource("report.js").replace("</script", "<\\/script");
    }

    /** How a run's status is coloured: passed runs green, errors red, the rest amber. */
    static String badgeClass(String status, boolean passed) {
        if (passed) {
            return "pass";
        }
        return switch (status) {
            case "error", "stopped", "max_steps" -> "fail";
            default -> "warn";
        };
    }

    /** Milliseconds as a person reads them: {@code 850 ms}, {@code 12.3 s}, {@code 2 min 5 s}. */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }

    private static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + Html.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }
}
