package dev.deskpilot.perception;

import dev.deskpilot.actions.Size;

/** Where the agent's eyes are: a source of screenshots. */
public interface Screen {
    /** Takes a screenshot of the whole screen now. */
    Frame capture();

    /** The screen's size in pixels. */
    Size size();
}
