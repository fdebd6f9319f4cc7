package dev.deskpilot.tasks.env.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.Widget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A {@link Scene} as the JSON the page's renderer reads: every record becomes an object of its
 * components, widgets gain a {@code kind} (the record's simple name), enums their names. Written
 * from the records themselves, so a new widget field reaches the page without a second schema.
 */
final class SceneJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SceneJson() {}

    static JsonNode of(Scene scene) {
        return value(scene);
    }

    private static JsonNode value(Object v) {
        return switch (v) {
            case null -> NODES.nullNode();
            case String s -> NODES.textNode(s);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Boolean b -> NODES.booleanNode(b);
            case Enum<?> e -> NODES.textNode(e.name());
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(item -> array.add(value(item)));
                yield array;
            }
            case Record r -> record(r);
            default ->
                throw new IllegalArgumentException(
                        "cannot write a " + v.getClass().getName() + " for the page");
        };
    }

    private static ObjectNode record(Record r) {
        ObjectNode node = NODES.objectNode();
        if (r instanceof Widget) {
            node.put("kind", r.getClass().getSimpleName());
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                node.set(c.getName(), value(c.getAccessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        return node;
    }
}
