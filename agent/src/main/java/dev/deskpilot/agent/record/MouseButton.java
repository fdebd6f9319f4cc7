package dev.deskpilot.agent.record;

/** The mouse buttons a person presses. */
enum MouseButton {
    LEFT,
    RIGHT,
    /** Pressed and seen, but UI-TARS's action space has no middle click, so it is not recorded. */
    MIDDLE
}
