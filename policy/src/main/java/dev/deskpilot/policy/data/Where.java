package dev.deskpilot.policy.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in a file, {@code file:line}, and the field checks that report errors there. Readers are
 * strict about the fields they need and ignore the ones they do not know, so that files written
 * by a newer deskpilot still read.
 */
record Where(Path file, int line) {

    DatasetException error(String problem) {
        return DatasetException.at(file, line, problem);
    }

    /** The object itself; anything else is an error. */
    JsonNode object(JsonNode node, String what) throws DatasetException {
        if (node == null || !node.isObject()) {
            throw error(what + " must be a JSON object, was " + kind(node));
        }
        return node;
    }

    JsonNode requiredObject(JsonNode parent, String field) throws DatasetException {
        return object(present(parent, field), "field '" + field + "'");
    }

    String requiredString(JsonNode parent, String field) throws DatasetException {
        JsonNode value = present(parent, field);
        if (!value.isTextual()) {
            throw error("field '" + field + "' must be a string, was " + kind(value));
        }
        return value.asText();
    }

    /** A string field that may be left out; absent means empty. */
    String optionalString(JsonNode parent, String field) throws DatasetException {
        JsonNode value = parent.get(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw error("field '" + field + "' must be a string, was " + kind(value));
        }
        return value.asText();
    }

    int requiredInt(JsonNode parent, String field) throws DatasetException {
        JsonNode value = present(parent, field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw error("field '" + field + "' must be a whole number, was " + kind(value));
        }
        return value.asInt();
    }

    long optionalLong(JsonNode parent, String field) throws DatasetException {
        JsonNode value = parent.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber()) {
            throw error("field '" + field + "' must be a whole number, was " + kind(value));
        }
        return value.asLong();
    }

    JsonNode requiredArray(JsonNode parent, String field) throws DatasetException {
        JsonNode value = present(parent, field);
        if (!value.isArray()) {
            throw error("field '" + field + "' must be a list, was " + kind(value));
        }
        return value;
    }

    List<String> requiredStrings(JsonNode parent, String field) throws DatasetException {
        List<String> out = new ArrayList<>();
        JsonNode array = requiredArray(parent, field);
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw error("field '" + field + "[" + i + "]' must be a string, was " + kind(array.get(i)));
            }
            out.add(array.get(i).asText());
        }
        return out;
    }

    private JsonNode present(JsonNode parent, String field) throws DatasetException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw error("field '" + field + "' is missing");
        }
        return value;
    }

    static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string '" + Snippet.of(node.asText()) + "'";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean (" + node.asText() + ")";
            case NUMBER -> "the number " + node.asText();
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
