package dev.deskpilot.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One action call as written, before its arguments are interpreted: {@code number} is its 1-based
 * position after {@code Action:}, {@code args} keeps the keyword arguments in written order.
 */
record Call(int number, String verb, Map<String, Value> args) {
    Call {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** An argument's text with quotes and escapes resolved, and whether it was quoted. */
    record Value(String text, boolean quoted) {}

    /** "action 2 (click)", for error messages. */
    String where() {
        return "action " + number + " (" + verb + ")";
    }
}
