package dev.deskpilot.agent.record;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import java.util.Objects;

/**
 * One input event as captured, before merging into actions. Times are milliseconds on the input
 * source's clock (the X server's), only ever compared with each other.
 */
sealed interface RawInput {
    long timeMs();

    record Press(MouseButton button, Point at, long timeMs) implements RawInput {
        public Press {
            Objects.requireNonNull(button, "button");
            Objects.requireNonNull(at, "at");
        }
    }

    record Release(MouseButton button, Point at, long timeMs) implements RawInput {
        public Release {
            Objects.requireNonNull(button, "button");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Wheel notches over a point; one event per notch in practice. */
    record Wheel(Point at, ScrollDirection direction, int notches, long timeMs) implements RawInput {
        public Wheel {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(direction, "direction");
            if (notches < 1) {
                throw new IllegalArgumentException("notches must be at least 1, was " + notches);
            }
        }
    }

    /** A key went down (again, for auto-repeat). */
    record KeyDown(Key key, long timeMs) implements RawInput {
        public KeyDown {
            Objects.requireNonNull(key, "key");
        }
    }

    record KeyUp(Key key, long timeMs) implements RawInput {
        public KeyUp {
            Objects.requireNonNull(key, "key");
        }
    }
}
