package dev.deskpilot.actions;

/**
 * One key of the US keyboard, with or without Shift: how a character is typed with {@link
 * java.awt.Robot}, which presses keys (AWT virtual key codes), not characters.
 */
record Keystroke(int keyCode, boolean shift) {}
