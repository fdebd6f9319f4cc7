package dev.deskpilot.actions;

import java.awt.event.KeyEvent;
import java.util.Map;
import java.util.Optional;

/**
 * The characters a US keyboard layout (Xvfb's default keymap) types, and the keystroke for each.
 * Characters outside it (é, €, 中, …) have no key: Robot then presses nothing at all (é, €) or
 * throws (中), so they go through a {@link RobotExecutor.TextFallback}.
 */
final class UsKeyboard {
    private UsKeyboard() {}

    /** Punctuation on the unshifted layer, with the character Shift gives on the same key. */
    private static final Map<Character, Integer> PUNCTUATION = Map.ofEntries(
            Map.entry('`', KeyEvent.VK_BACK_QUOTE),
            Map.entry('-', KeyEvent.VK_MINUS),
            Map.entry('=', KeyEvent.VK_EQUALS),
            Map.entry('[', KeyEvent.VK_OPEN_BRACKET),
            Map.entry(']', KeyEvent.VK_CLOSE_BRACKET),
            Map.entry('\\', KeyEvent.VK_BACK_SLASH),
            Map.entry(';', KeyEvent.VK_SEMICOLON),
            Map.entry('\'', KeyEvent.VK_QUOTE),
            Map.entry(',', KeyEvent.VK_COMMA),
            Map.entry('.', KeyEvent.VK_PERIOD),
            Map.entry('/', KeyEvent.VK_SLASH),
            Map.entry(' ', KeyEvent.VK_SPACE),
            Map.entry('\t', KeyEvent.VK_TAB),
            Map.entry('\n', KeyEvent.VK_ENTER));

    /** Shifted characters and the unshifted character on the same key. */
    private static final Map<Character, Character> SHIFTED = Map.ofEntries(
            Map.entry('~', '`'),
            Map.entry('!', '1'),
            Map.entry('@', '2'),
            Map.entry('#', '3'),
            Map.entry('$', '4'),
            Map.entry('%', '5'),
            Map.entry('^', '6'),
            Map.entry('&', '7'),
            Map.entry('*', '8'),
            Map.entry('(', '9'),
            Map.entry(')', '0'),
            Map.entry('_', '-'),
            Map.entry('+', '='),
            Map.entry('{', '['),
            Map.entry('}', ']'),
            Map.entry('|', '\\'),
            Map.entry(':', ';'),
            Map.entry('"', '\''),
            Map.entry('<', ','),
            Map.entry('>', '.'),
            Map.entry('?', '/'));

    /** The keystroke that types {@code c}, or empty if the US layout has no key for it. */
    static Optional<Keystroke> keystroke(char c) {
        if (c >= 'a' && c <= 'z') {
            return Optional.of(new Keystroke(KeyEvent.VK_A + (c - 'a'), false));
        }
        if (c >= 'A' && c <= 'Z') {
            return Optional.of(new Keystroke(KeyEvent.VK_A + (c - 'A'), true));
        }
        if (c >= '0' && c <= '9') {
            return Optional.of(new Keystroke(KeyEvent.VK_0 + (c - '0'), false));
        }
        Integer unshifted = PUNCTUATION.get(c);
        if (unshifted != null) {
            return Optional.of(new Keystroke(unshifted, false));
        }
        Character base = SHIFTED.get(c);
        if (base != null) {
            return keystroke(base).map(k -> new Keystroke(k.keyCode(), true));
        }
        return Optional.empty();
    }

    /** Whether every character of {@code text} has a key on the US layout. */
    static boolean canType(String text) {
        return text.chars().allMatch(c -> keystroke((char) c).isPresent());
    }
}
