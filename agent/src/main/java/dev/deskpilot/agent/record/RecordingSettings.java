package dev.deskpilot.agent.record;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a recording runs.
 *
 * @param stopKeys the keys that, pressed together, end the recording (lowercase hotkey names; not
 *     recorded themselves)
 * @param captureInterval how often the screen is captured into the ring of recent frames
 * @param ringFrames how many recent frames are kept
 * @param inputLatency how long before an input's arrival a frame's capture must have ended for the
 *     frame to count as "before" it: the hook hears of an input about a millisecond after the
 *     application does (at worst a few), and an application needs longer than that to repaint
 * @param merge when raw events count as one action
 */
public record RecordingSettings(
        List<String> stopKeys, Duration captureInterval, int ringFrames, Duration inputLatency, MergeRules merge) {
    /** The default stop keys, Ctrl+Shift+F12: unused by common applications and desktops. */
    public static final List<String> DEFAULT_STOP_KEYS = List.of("ctrl", "shift", "f12");

    /**
     * Stop with Ctrl+Shift+F12; 20 captures a second (about 5% of one core at 1280x800) into a ring
     * of 8 (0.4 s); frames must have ended 5 ms before the input arrived.
     */
    public static final RecordingSettings DEFAULT = new RecordingSettings(
            DEFAULT_STOP_KEYS, Duration.ofMillis(50), 8, Duration.ofMillis(5), MergeRules.DEFAULT);

    public RecordingSettings {
        stopKeys =
                stopKeys.stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).toList();
        if (stopKeys.isEmpty() || stopKeys.size() > 3 || stopKeys.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("stop keys must be 1 to 3 key names, were " + stopKeys);
        }
        for (String k : stopKeys) {
            if (!Keys.isKnownName(k)) {
                throw new IllegalArgumentException("stop key '" + k + "' is not a key name the recorder knows"
                        + " (ctrl, shift, alt, meta, letters, digits, f1 to f12, enter, esc, …)");
            }
        }
        if (stopKeys.stream().filter(k -> !Keys.MODIFIERS.contains(k)).count() != 1) {
            throw new IllegalArgumentException(
                    "stop keys must be modifiers (ctrl, shift, alt, meta) plus exactly one other key, were "
                            + stopKeys);
        }
        Objects.requireNonNull(captureInterval, "captureInterval");
        Objects.requireNonNull(inputLatency, "inputLatency");
        Objects.requireNonNull(merge, "merge");
        if (captureInterval.isNegative() || captureInterval.isZero()) {
            throw new IllegalArgumentException("captureInterval must be positive, was " + captureInterval);
        }
        if (ringFrames < 2) {
            throw new IllegalArgumentException("ringFrames must be at least 2, was " + ringFrames);
        }
        if (inputLatency.isNegative()) {
            throw new IllegalArgumentException("inputLatency must not be negative, was " + inputLatency);
        }
    }

    /** The same settings with other stop keys. */
    public RecordingSettings withStopKeys(List<String> keys) {
        return new RecordingSettings(keys, captureInterval, ringFrames, inputLatency, merge);
    }

    /** The stop keys as a person presses them, e.g. {@code Ctrl+Shift+F12}. */
    public String stopKeysText() {
        return String.join(
                "+",
                stopKeys.stream()
                        .map(k -> k.length() <= 1
                                ? k.toUpperCase(Locale.ROOT)
                                : Character.toUpperCase(k.charAt(0)) + k.substring(1))
                        .toList());
    }
}
