package dev.deskpilot.tasks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.TextTarget;
import dev.deskpilot.tasks.TaskJson.AppJson;
import dev.deskpilot.tasks.TaskJson.CheckJson;
import dev.deskpilot.tasks.TaskJson.StepJson;
import dev.deskpilot.tasks.TaskJson.TimeoutsJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one task file in three passes, each reporting its first error as one line that starts with
 * the place ({@code form.json:6:15: }):
 *
 * <ol>
 *   <li>a streaming scan: syntax, and where every value starts (kept for the later passes);
 *   <li>Jackson binding into {@link TaskJson}: unknown fields and wrong JSON types;
 *   <li>conversion into {@link Task}: nulls, missing fields, the kind of app and of each check, and
 *       bad values, whose rules live in the records' constructors ({@link InvalidFieldException}).
 * </ol>
 */
final class TaskFileReader {
    private static final JsonMapper MAPPER = mapper();
    private static final JsonPointer ROOT = JsonPointer.empty();
    private static final Pattern FIELD = Pattern.compile("(\\w+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^]]*?; line: (\\d+), column: (\\d+)]");

    /** Where one value starts and what kind of token it starts with. */
    private record Value(JsonLocation location, JsonToken token) {}

    private final String source;
    private final Path baseDir;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, JsonLocation> fieldNames = new HashMap<>();
    private Optional<JsonPointer> firstNull = Optional.empty();

    private TaskFileReader(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    /**
     * @param source how messages name the file, e.g. {@code tasks/form.json}
     * @param text the file's content
     * @param baseDir the folder relative paths in the task resolve against
     */
    static Task read(String source, String text, Path baseDir) throws TaskFileException {
        TaskFileReader reader = new TaskFileReader(source, baseDir);
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        reader.scan(json);
        TaskJson bound = reader.bind(json);
        return reader.convert(bound);
    }

    private static JsonMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                // Duplicates are found in the scan, which can also say where the first one was.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // "maxSteps": "20" and "id": 5 are mistakes worth reporting, not values to convert.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    // ---- pass 1: syntax and value locations ----

    private void scan(String json) throws TaskFileException {
        try (JsonParser p = MAPPER.createParser(json)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                throw new TaskFileException(source + ":1:1: the file is empty; expected a task object, {...}");
            }
            if (root != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), "expected a task object, {...}, was " + describe(root));
            }
            remember(ROOT, p);
            int depth = 1;
            while (depth > 0) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw error(p.currentLocation(), "syntax error: the file ends inside the task object");
                }
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        remember(p.getParsingContext().getParent().pathAsPointer(), p);
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> rememberName(p);
                    default -> remember(p.getParsingContext().pathAsPointer(), p);
                }
            }
            if (p.nextToken() != null) {
                throw error(
                        p.currentTokenLocation(), "unexpected content after the task object; a file holds one task");
            }
        } catch (JsonProcessingException e) {
            throw error(e.getLocation(), "syntax error: " + jacksonMessage(e), e);
        } catch (IOException e) {
            // Reading from a String fails only on syntax, reported above.
            throw new TaskFileException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void rememberName(JsonParser p) throws TaskFileException {
        JsonPointer at = p.getParsingContext().pathAsPointer();
        JsonLocation first = fieldNames.putIfAbsent(at.toString(), p.currentTokenLocation());
        if (first != null) {
            throw error(
                    p.currentTokenLocation(),
                    "duplicate field '" + p.getParsingContext().getCurrentName() + "' in " + describeObject(at.head())
                            + "; it was first given at " + first.getLineNr() + ":" + first.getColumnNr());
        }
    }

    private void remember(JsonPointer at, JsonParser p) {
        values.put(at.toString(), new Value(p.currentTokenLocation(), p.currentToken()));
        if (p.currentToken() == JsonToken.VALUE_NULL && firstNull.isEmpty()) {
            firstNull = Optional.of(at);
        }
    }

    // ---- pass 2: unknown fields and JSON types ----

    private TaskJson bind(String json) throws TaskFileException {
        try {
            return MAPPER.readValue(json, TaskJson.class);
        } catch (UnrecognizedPropertyException e) {
            JsonPointer field = pointer(e);
            // Jackson reports a record's unknown field only after reading the whole object; point at the name.
            throw error(
                    fieldNames.getOrDefault(field.toString(), e.getLocation()),
                    "unknown field '" + e.getPropertyName() + "' in " + describeObject(field.head())
                            + "; expected one of " + String.join(", ", knownFields(e)),
                    e);
        } catch (MismatchedInputException e) {
            JsonPointer field = pointer(e);
            String expected = describe(e.getTargetType());
            Optional<String> was =
                    Optional.ofNullable(values.get(field.toString())).map(v -> describe(v.token()));
            if (was.isPresent() && !expected.equals(was.get())) {
                throw fieldError(field, "expected " + expected + ", was " + was.get(), e);
            }
            throw fieldError(field, jacksonMessage(e), e);
        } catch (JsonMappingException e) {
            throw fieldError(pointer(e), jacksonMessage(e), e);
        } catch (JsonProcessingException e) {
            throw error(e.getLocation(), "syntax error: " + jacksonMessage(e), e);
        }
    }

    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer at = ROOT;
        for (JsonMappingException.Reference r : e.getPath()) {
            at = r.getFieldName() != null ? at.appendProperty(r.getFieldName()) : at.appendIndex(r.getIndex());
        }
        return at;
    }

    /** The fields the object allows, in the order the format documents them. */
    private static List<String> knownFields(UnrecognizedPropertyException e) {
        Class<?> owner = e.getReferringClass();
        if (owner != null && owner.isRecord()) {
            return Arrays.stream(owner.getRecordComponents())
                    .map(c -> c.getName())
                    // A step's action is written as a plain string, never as a field.
                    .filter(name -> owner != StepJson.class || !name.equals("action"))
                    .toList();
        }
        Collection<Object> known = e.getKnownPropertyIds();
        return known == null
                ? List.of()
                : known.stream().map(String::valueOf).sorted().toList();
    }

    // ---- pass 3: nulls, missing fields, kinds and values ----

    private Task convert(TaskJson json) throws TaskFileException {
        if (firstNull.isPresent()) {
            // No field of the format gives null a meaning; an absent field takes its default.
            throw fieldError(firstNull.get(), "expected a value, was null");
        }
        String id = required(ROOT, "id", json.id());
        String instruction = required(ROOT, "instruction", json.instruction());
        App app = app(ROOT.appendProperty("app"), required(ROOT, "app", json.app()));
        List<StepJson> stepJsons = json.steps() == null ? List.of() : json.steps();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepJsons.size(); i++) {
            steps.add(step(ROOT.appendProperty("steps").appendIndex(i), stepJsons.get(i)));
        }
        int maxSteps = json.maxSteps() == null ? Task.defaultMaxSteps(steps) : json.maxSteps();
        Timeouts timeouts =
                json.timeouts() == null ? Timeouts.DEFAULT : timeouts(ROOT.appendProperty("timeouts"), json.timeouts());
        List<CheckJson> checkJsons = required(ROOT, "checks", json.checks());
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < checkJsons.size(); i++) {
            checks.add(check(ROOT.appendProperty("checks").appendIndex(i), checkJsons.get(i)));
        }
        return build(ROOT, Map.of(), () -> new Task(id, instruction, app, steps, maxSteps, timeouts, checks, baseDir));
    }

    private App app(JsonPointer at, AppJson json) throws TaskFileException {
        if (json.builtin() != null && json.command() != null) {
            throw fieldError(at, "give either 'builtin' or 'command', not both");
        }
        if (json.builtin() != null) {
            return build(at, Map.of("name", "builtin"), () -> new App.BuiltIn(json.builtin()));
        }
        if (json.command() != null) {
            return build(at, Map.of(), () -> new App.Command(json.command()));
        }
        throw fieldError(at, "expected 'builtin' (a built-in app's name) or 'command' (a program and its arguments)");
    }

    private Timeouts timeouts(JsonPointer at, TimeoutsJson json) throws TaskFileException {
        Duration launch = duration(at.appendProperty("launch"), json.launch(), Timeouts.DEFAULT.launch());
        Duration step = duration(at.appendProperty("step"), json.step(), Timeouts.DEFAULT.step());
        Duration run = duration(at.appendProperty("run"), json.run(), Timeouts.DEFAULT.run());
        return build(at, Map.of(), () -> new Timeouts(launch, step, run));
    }

    private Duration duration(JsonPointer at, String text, Duration fallback) throws TaskFileException {
        if (text == null) {
            return fallback;
        }
        return Durations.parse(text)
                .orElseThrow(() -> fieldError(
                        at, "expected a duration such as " + Durations.EXAMPLES + ", was " + Quote.of(text), null));
    }

    private Check check(JsonPointer at, CheckJson json) throws TaskFileException {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("state", json.state());
        given.put("command", json.command());
        given.put("file", json.file());
        given.put("text", json.text());
        given.put("equals", json.equals());
        given.put("contains", json.contains());
        given.put("exitCode", json.exitCode());
        given.put("visible", json.visible());
        given.put("region", json.region());
        given.values().removeIf(v -> v == null);

        String kind = kind(at, given, "a check", List.of("state", "command", "file", "text"));
        return switch (kind) {
            case "text" -> {
                onlyFields(at, given, kind, "check", List.of("text", "visible", "region"));
                TextTarget target = textTarget(at.appendProperty("text"), json.text(), at, json.region(), null);
                boolean visible = json.visible() == null || json.visible();
                yield new Check.TextVisible(target, visible);
            }
            case "state" -> {
                onlyFields(at, given, kind, "check", List.of("state", "equals"));
                String equals = required(at, "equals", json.equals());
                yield build(at, Map.of("key", "state"), () -> new Check.AppState(json.state(), equals));
            }
            case "command" -> {
                onlyFields(at, given, kind, "check", List.of("command", "exitCode"));
                int exitCode = json.exitCode() == null ? 0 : json.exitCode();
                yield build(at, Map.of(), () -> new Check.CommandExit(json.command(), exitCode));
            }
            default -> {
                onlyFields(at, given, kind, "check", List.of("file", "equals", "contains"));
                if (json.equals() != null && json.contains() != null) {
                    throw nameError(
                            at.appendProperty("contains"), "a 'file' check takes 'equals' or 'contains', not both");
                }
                if (json.equals() != null) {
                    yield build(at, Map.of("path", "file"), () -> new Check.FileEquals(json.file(), json.equals()));
                }
                if (json.contains() != null) {
                    yield build(at, Map.of("path", "file"), () -> new Check.FileContains(json.file(), json.contains()));
                }
                throw fieldError(at, "a 'file' check needs 'equals' (the whole content) or 'contains' (a part of it)");
            }
        };
    }

    private Step step(JsonPointer at, StepJson json) throws TaskFileException {
        Value value = values.get(at.toString());
        if (value != null && value.token() == JsonToken.VALUE_STRING) {
            if (json.action().isBlank()) {
                throw fieldError(at, "must not be empty");
            }
            return new Step.Act(json.action());
        }
        if (json.action() != null) {
            // Only reachable through the object form {"action": ...}, which the format does not have.
            JsonPointer field = at.appendProperty("action");
            throw error(
                    fieldNames.getOrDefault(field.toString(), location(at)),
                    "unknown field 'action' in " + display(at) + "; write an action as a string in the list of steps");
        }
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("click", json.click());
        given.put("doubleClick", json.doubleClick());
        given.put("rightClick", json.rightClick());
        given.put("waitFor", json.waitFor());
        given.put("waitUntilGone", json.waitUntilGone());
        given.put("region", json.region());
        given.put("occurrence", json.occurrence());
        given.put("timeout", json.timeout());
        given.values().removeIf(v -> v == null);

        String kind = kind(
                at, given, "a step object", List.of("click", "doubleClick", "rightClick", "waitFor", "waitUntilGone"));
        JsonPointer textAt = at.appendProperty(kind);
        String text = (String) given.get(kind);
        return switch (kind) {
            case "waitFor" -> {
                onlyFields(at, given, kind, "step", List.of(kind, "region", "occurrence", "timeout"));
                TextTarget target = textTarget(textAt, text, at, json.region(), json.occurrence());
                Duration timeout = duration(at.appendProperty("timeout"), json.timeout(), Step.DEFAULT_WAIT);
                yield build(at, Map.of(), () -> new Step.WaitForText(target, timeout));
            }
            case "waitUntilGone" -> {
                onlyFields(at, given, kind, "step", List.of(kind, "region", "timeout"));
                TextTarget target = textTarget(textAt, text, at, json.region(), null);
                Duration timeout = duration(at.appendProperty("timeout"), json.timeout(), Step.DEFAULT_WAIT);
                yield build(at, Map.of(), () -> new Step.WaitUntilGone(target, timeout));
            }
            default -> {
                onlyFields(at, given, kind, "step", List.of(kind, "region", "occurrence"));
                Step.ClickKind click = Arrays.stream(Step.ClickKind.values())
                        .filter(k -> k.field().equals(kind))
                        .findFirst()
                        .orElseThrow();
                yield new Step.ClickText(click, textTarget(textAt, text, at, json.region(), json.occurrence()));
            }
        };
    }

    /** The text a step or check names, with its optional region and occurrence, each checked where it is written. */
    private TextTarget textTarget(
            JsonPointer textAt, String text, JsonPointer object, List<Integer> region, Integer occurrence)
            throws TaskFileException {
        if (text.isBlank()) {
            throw fieldError(textAt, "must not be empty");
        }
        TextTarget target = TextTarget.of(text);
        if (region != null) {
            target = target.within(region(object.appendProperty("region"), region));
        }
        if (occurrence != null) {
            if (occurrence < 1) {
                throw fieldError(object.appendProperty("occurrence"), "must be at least 1, was " + occurrence);
            }
            target = target.occurrence(occurrence);
        }
        return target;
    }

    /** {@code [x, y, width, height]} in screen pixels. */
    private Rect region(JsonPointer at, List<Integer> xywh) throws TaskFileException {
        if (xywh.size() != 4) {
            throw fieldError(
                    at,
                    "expected [x, y, width, height] (4 integers), was " + xywh.size()
                            + (xywh.size() == 1 ? " number" : " numbers"));
        }
        List<String> names = List.of("x", "y", "width", "height");
        for (int i = 0; i < 4; i++) {
            int min = i < 2 ? 0 : 1;
            if (xywh.get(i) < min) {
                throw fieldError(at.appendIndex(i), names.get(i) + " must be at least " + min + ", was " + xywh.get(i));
            }
        }
        return new Rect(xywh.get(0), xywh.get(1), xywh.get(2), xywh.get(3));
    }

    /** The one kind field of an object (a check's {@code state}, a step's {@code click}); exactly one must be given. */
    private String kind(JsonPointer at, Map<String, Object> given, String what, List<String> kinds)
            throws TaskFileException {
        List<String> found = kinds.stream().filter(given::containsKey).toList();
        if (found.size() != 1) {
            throw fieldError(
                    at,
                    what + " needs exactly one of " + alternatives(kinds) + ", found "
                            + (found.isEmpty()
                                    ? "none"
                                    : found.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" and "))));
        }
        return found.get(0);
    }

    /** {@code 'a', 'b' or 'c'}. */
    private static String alternatives(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
    }

    private void onlyFields(JsonPointer at, Map<String, Object> given, String kind, String noun, List<String> allowed)
            throws TaskFileException {
        for (String field : given.keySet()) {
            if (!allowed.contains(field)) {
                throw nameError(
                        at.appendProperty(field),
                        "a '" + kind + "' " + noun + " takes only "
                                + allowed.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ")));
            }
        }
    }

    private <T> T required(JsonPointer object, String field, T value) throws TaskFileException {
        if (value == null) {
            throw error(location(object), "missing required field '" + field + "' in " + describeObject(object));
        }
        return value;
    }

    /** Runs a record constructor and points a rejected field back at its place in the file. */
    private <T> T build(JsonPointer object, Map<String, String> jsonNames, Supplier<T> constructor)
            throws TaskFileException {
        try {
            return constructor.get();
        } catch (InvalidFieldException e) {
            Matcher m = FIELD.matcher(e.field());
            if (!m.matches()) {
                throw error(location(object), "in " + describeObject(object) + ": " + e.getMessage(), e);
            }
            JsonPointer field = object.appendProperty(jsonNames.getOrDefault(m.group(1), m.group(1)));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                field = field.appendIndex(Integer.parseInt(index.group(1)));
            }
            throw fieldError(field, e.problem(), e);
        }
    }

    // ---- messages ----

    private TaskFileException fieldError(JsonPointer field, String problem) {
        return fieldError(field, problem, null);
    }

    private TaskFileException fieldError(JsonPointer field, String problem, Throwable cause) {
        return error(location(field), "field '" + display(field) + "': " + problem, cause);
    }

    /** Like {@link #fieldError} but points at the field's name: for fields that should not be there at all. */
    private TaskFileException nameError(JsonPointer field, String problem) {
        JsonLocation name = fieldNames.get(field.toString());
        return error(name != null ? name : location(field), "field '" + display(field) + "': " + problem, null);
    }

    private TaskFileException error(JsonLocation at, String message) {
        return error(at, message, null);
    }

    private TaskFileException error(JsonLocation at, String message, Throwable cause) {
        String place = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
        // One line always: a message may quote Jackson or the file.
        return new TaskFileException(place + ": " + message.replaceAll("\\s*\\R\\s*", " "), cause);
    }

    /** Where the value at {@code at} starts, or its nearest enclosing value if it is absent. */
    private JsonLocation location(JsonPointer at) {
        for (JsonPointer p = at; p != null; p = p.head()) {
            Value v = values.get(p.toString());
            if (v != null) {
                return v.location();
            }
        }
        return null;
    }

    /** {@code /checks/1/exitCode} as people write it: {@code checks[1].exitCode}. */
    private static String display(JsonPointer at) {
        StringBuilder out = new StringBuilder();
        for (JsonPointer p = at; !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0) {
                out.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(p.getMatchingProperty());
            }
        }
        return out.toString();
    }

    private static String describeObject(JsonPointer at) {
        return at.matches() ? "task" : display(at);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == StepJson.class) {
            return "an action string or a step object";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }

    /** Jackson's own words, without its "[Source: …; line: 1, column: 2]" noise. */
    private static String jacksonMessage(JsonProcessingException e) {
        return JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("$1:$2");
    }
}
