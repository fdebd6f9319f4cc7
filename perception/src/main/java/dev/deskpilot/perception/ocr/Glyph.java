package dev.deskpilot.perception.ocr;

/**
 * One character the recogniser emitted: its text (possibly a space), where along the line it was
 * read (the centre of its CTC time step, in image x), the recogniser's probability for it, and
 * the highest probability it gave a space at any time step since the character before (0 for a
 * space), which tells a space the greedy decoding dropped.
 */
public record Glyph(String text, double x, double probability, double spaceBefore) {}
