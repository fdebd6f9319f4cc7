package dev.deskpilot.vlm;

import java.util.List;
import java.util.Objects;

/** Shared checks for the config records; each names the JSON field it checks. */
final class ConfigChecks {
    private ConfigChecks() {}

    static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    static void positive(String field, double value) {
        if (!(value > 0)) { // also rejects NaN
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
        }
    }

    static List<Double> threeChannels(String field, List<Double> values) {
        Objects.requireNonNull(values, field);
        if (values.size() != 3) {
            throw new IllegalArgumentException(field + " must have 3 values (R, G, B), was " + values);
        }
        return List.copyOf(values);
    }

    static String oneOf(String field, String value, String... allowed) {
        Objects.requireNonNull(value, field);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + List.of(allowed)
                + " (the only ones deskpilot builds), was '" + value + "'");
    }
}
