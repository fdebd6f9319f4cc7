package dev.deskpilot.actions;

import java.util.OptionalInt;

/**
 * A key a hotkey can name, as both input paths know it: the AWT virtual key code {@link
 * java.awt.Robot} presses, when AWT has one on X11, and the X keysym name xdotool presses.
 *
 * @param name the UI-TARS name it was read from, for messages
 * @param awtKeyCode the AWT key code; empty for Super, which AWT's X11 Robot cannot press
 * @param keysym the X keysym name, e.g. {@code Control_L}
 */
record HotkeyKey(String name, OptionalInt awtKeyCode, String keysym) {}
