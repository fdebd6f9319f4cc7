package dev.deskpilot.perception.ocr;

/**
 * One character the recogniser emitted: its text (possibly a space), where along the line it was
 * read (the centre of its CTC time step, in image x), and the recogniser's probability for it.
 */
public record Glyph(String text, double x, double probability) {}
