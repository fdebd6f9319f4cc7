package dev.deskpilot.actions;

/** A pixel position; x grows to the right, y grows downwards, (0,0) is the top-left corner. */
public record Point(int x, int y) {
    @Override
    public String toString() {
        return "(" + x + "," + y + ")";
    }
}
