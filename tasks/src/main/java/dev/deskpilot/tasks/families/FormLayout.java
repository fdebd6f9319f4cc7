package dev.deskpilot.tasks.families;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Widget;
import java.util.List;

/**
 * Rows of labelled inputs, as forms lay them out: the label to the left of the input, or above it,
 * in one random style per form. Tracks the next free row.
 */
final class FormLayout {
    private final Sketch s;
    private final boolean labelsAbove;
    private final int x;
    private final int labelWidth;
    private final int inputWidth;
    private final int gap;
    private int y;

    FormLayout(Sketch s, List<String> labels, int top) {
        this.s = s;
        Rng rng = s.rng;
        this.labelsAbove = rng.chance(0.4);
        this.labelWidth =
                labels.stream().mapToInt(l -> s.textWidth(l, s.fs, false)).max().orElse(80) + rng.between(12, 30);
        int room = s.content.width() - (labelsAbove ? 0 : labelWidth);
        this.inputWidth = Math.max(140, Math.min(room - 10, rng.between(220, 420)));
        this.x = s.content.x() + rng.between(0, Math.max(0, room - inputWidth - 10));
        this.gap = rng.between(8, 20);
        this.y = top;
    }

    /** Adds a label for the next input and returns the input's bounds ({@code height} tall). */
    Rect row(String label, int height) {
        return row(label, height, inputWidth);
    }

    Rect row(String label, int height, int width) {
        int lh = s.textHeight(s.fs) + 4;
        Rect input;
        if (labelsAbove) {
            s.add(new Widget.Label(
                    s.id("label"),
                    new Rect(x, y, s.textWidth(label, s.fs, false) + 6, lh),
                    label,
                    s.fs,
                    false,
                    Widget.Tone.NORMAL));
            input = new Rect(x, y + lh + 2, width, height);
        } else {
            s.add(new Widget.Label(
                    s.id("label"),
                    new Rect(x, y + (height - lh) / 2, s.textWidth(label, s.fs, false) + 6, lh),
                    label,
                    s.fs,
                    false,
                    Widget.Tone.NORMAL));
            input = new Rect(x + labelWidth, y, width, height);
        }
        y = input.y() + input.height() + gap;
        return input;
    }

    /** Bounds for a widget that has no label of its own (a check box, a button), on the next row. */
    Rect plain(int width, int height) {
        Rect r = new Rect(labelsAbove ? x : x + labelWidth, y, width, height);
        y += height + gap;
        return r;
    }

    int y() {
        return y;
    }

    int inputX() {
        return labelsAbove ? x : x + labelWidth;
    }

    int inputWidth() {
        return inputWidth;
    }
}
