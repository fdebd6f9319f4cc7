package dev.deskpilot.vlm;

/**
 * A prompt position the model can point at, and the area of the original image it stands for: an
 * image token's 28x28 cell or an OCR word's box. A pointed-at target plus an offset token
 * ({@code <|off_k|>}, a cell of a G x G grid over the area) becomes a pixel point.
 *
 * @param position index of the token in the prompt
 * @param x left edge in original image pixels
 * @param y top edge in original image pixels
 * @param width area width in original image pixels
 * @param height area height in original image pixels
 */
public record Target(int position, double x, double y, double width, double height) {

    /** The point of offset cell {@code k} of a {@code grid x grid} subdivision: the cell's centre. */
    public dev.deskpilot.actions.Point point(int k, int grid) {
        if (k < 0 || k >= grid * grid) {
            throw new IllegalArgumentException("offset " + k + " outside a " + grid + "x" + grid + " grid");
        }
        double px = x + (k % grid + 0.5) * width / grid;
        double py = y + (k / grid + 0.5) * height / grid;
        return new dev.deskpilot.actions.Point((int) Math.floor(px), (int) Math.floor(py));
    }
}
