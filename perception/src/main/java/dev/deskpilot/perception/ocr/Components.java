package dev.deskpilot.perception.ocr;

import dev.deskpilot.actions.Rect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connected regions of a thresholded probability map, as bounding boxes. Eight-connected, like
 * the outer contours OpenCV's {@code findContours} would trace on the same bitmap.
 */
final class Components {
    private Components() {}

    /**
     * The bounding boxes of the 8-connected regions where {@code map > threshold}, looking only at
     * the top-left {@code width x height} of a map whose rows are {@code stride} floats long.
     */
    static List<Rect> label(float[] map, int stride, int width, int height, float threshold) {
        boolean[] seen = new boolean[width * height];
        int[] stack = new int[256];
        List<Rect> boxes = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (seen[y * width + x] || map[y * stride + x] <= threshold) {
                    continue;
                }
                int minX = x, maxX = x, minY = y, maxY = y;
                int top = 0;
                stack[top++] = y * width + x;
                seen[y * width + x] = true;
                while (top > 0) {
                    int p = stack[--top];
                    int px = p % width;
                    int py = p / width;
                    minX = Math.min(minX, px);
                    maxX = Math.max(maxX, px);
                    minY = Math.min(minY, py);
                    maxY = Math.max(maxY, py);
                    for (int dy = -1; dy <= 1; dy++) {
                        int ny = py + dy;
                        if (ny < 0 || ny >= height) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = px + dx;
                            if (nx < 0 || nx >= width || seen[ny * width + nx] || map[ny * stride + nx] <= threshold) {
                                continue;
                            }
                            seen[ny * width + nx] = true;
                            if (top == stack.length) {
                                stack = Arrays.copyOf(stack, stack.length * 2);
                            }
                            stack[top++] = ny * width + nx;
                        }
                    }
                }
                boxes.add(new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1));
            }
        }
        return boxes;
    }
}
