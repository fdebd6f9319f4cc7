package dev.deskpilot.tasks.suites;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.deskpilot.actions.Size;
import dev.deskpilot.tasks.env.Family;
import dev.deskpilot.tasks.families.Families;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads suite files: one JSON object per file, for example
 *
 * <pre>{@code
 * {
 *   "name": "core",
 *   "description": "every family",
 *   "screen": "1280x800",
 *   "families": [ { "family": "click-button", "episodes": 20 }, ... ],
 *   "train": { "from": 0, "count": 1000000 },
 *   "test": { "from": 1000000, "count": 1000 }
 * }
 * }</pre>
 *
 * Errors are one line, {@code FILE: WHAT}, naming the field.
 */
public final class SuiteFile {
    /** Suites bundled with deskpilot (the files of tasks/suites/), usable by name. */
    public static final List<String> BUNDLED = List.of("core", "smoke");

    private static final String RESOURCE_DIR = "dev/deskpilot/tasks/suites/";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> FIELDS = Set.of("name", "description", "screen", "families", "train", "test");

    private SuiteFile() {}

    /**
     * Reads {@code nameOrPath}: a suite file if one exists at that path, else a bundled suite by
     * name ({@code core} or {@code core.json}).
     *
     * @throws IOException naming the problem in one line
     */
    public static Suite resolve(String nameOrPath) throws IOException {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return read(path);
        }
        String name = nameOrPath.endsWith(".json") ? nameOrPath.substring(0, nameOrPath.length() - 5) : nameOrPath;
        if (BUNDLED.contains(name)) {
            return readResource(name);
        }
        throw new IOException("no suite file '" + nameOrPath + "' and no bundled suite of that name; bundled: "
                + String.join(", ", BUNDLED));
    }

    public static Suite read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        }
    }

    public static Suite readResource(String name) throws IOException {
        try (InputStream in = SuiteFile.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name + ".json")) {
            if (in == null) {
                throw new IOException("bundled suite '" + name + "' is missing from the class path");
            }
            return parse(in, "bundled:" + name + ".json");
        }
    }

    private static Suite parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": syntax error: " + e.getOriginalMessage());
        }
        try {
            return suite(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage());
        }
    }

    private static Suite suite(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a suite object, {...}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field
                        + "'; expected one of name, description, screen, families, train, test");
            }
        }
        String name = text(root, "name");
        String description = root.has("description") ? text(root, "description") : "";
        Size screen;
        try {
            screen = Size.parse(text(root, "screen"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'screen': " + e.getMessage());
        }
        JsonNode families = required(root, "families");
        if (!families.isArray()) {
            throw new IllegalArgumentException("field 'families': expected a list");
        }
        List<Suite.Entry> entries = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            JsonNode f = families.get(i);
            String where = "families[" + i + "]";
            String family = text(f, "family", where);
            if (Families.byName(family).isEmpty()) {
                throw new IllegalArgumentException("field '" + where + ".family': unknown family '" + family
                        + "'; known: "
                        + String.join(
                                ", ", Families.all().stream().map(Family::name).toList()));
            }
            entries.add(new Suite.Entry(family, (int) number(f, "episodes", where)));
        }
        return new Suite(name, description, screen, entries, seeds(root, "train"), seeds(root, "test"));
    }

    private static Suite.Seeds seeds(JsonNode root, String field) {
        JsonNode node = required(root, field);
        return new Suite.Seeds(number(node, "from", field), number(node, "count", field));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, "");
    }

    private static String text(JsonNode node, String field, String where) {
        String path = where.isEmpty() ? field : where + "." + field;
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + path + "': expected a non-empty string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + where + "." + field + "': expected a whole number");
        }
        return value.asLong();
    }
}
