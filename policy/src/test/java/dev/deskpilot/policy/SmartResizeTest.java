package dev.deskpilot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("UI-TARS-1.5 smart resize")
class SmartResizeTest {

    @ParameterizedTest(name = "{0}x{1} becomes {2}x{3}")
    @DisplayName("matches the reference smart_resize on known screen sizes")
    @CsvSource({
        // 1920/28 = 68.57 -> 69*28 = 1932; 1080/28 = 38.57 -> 39*28 = 1092
        "1920, 1080, 1932, 1092",
        // 1280/28 = 45.71 -> 46*28 = 1288; 800/28 = 28.57 -> 29*28 = 812
        "1280, 800, 1288, 812",
        "1366, 768, 1372, 756",
        "800, 600, 812, 588",
        // rounds to 3836x2156, whose 8.3M pixels are still under 16384*28*28 = 12.8M
        "3840, 2160, 3836, 2156",
        // 33.2M pixels: scaled by 1/sqrt(33177600/12845056) = 1/1.607 and floored: 4779 -> 4760, 2688 -> 2688
        "7680, 4320, 4760, 2688",
        // 5000 pixels < 100*28*28: scaled by sqrt(78400/5000) = 3.96 and ceiled: 395.98 -> 420, 197.99 -> 224
        "100, 50, 420, 224",
    })
    void knownSizes(int width, int height, int resizedWidth, int resizedHeight) {
        assertEquals(new Size(resizedWidth, resizedHeight), SmartResize.UI_TARS_1_5.resize(new Size(width, height)));
    }

    @Test
    @DisplayName("rounds a side that is exactly halfway to the even multiple, as Python's round() does")
    void roundsHalfToEven() {
        // 70/28 = 2.5 rounds to 2 (56), not 3 (84); 14/28 = 0.5 rounds to 0 and is lifted to one factor
        assertEquals(new Size(2800, 56), SmartResize.UI_TARS_1_5.resize(new Size(2800, 70)));
        assertEquals(new Size(2800, 28), SmartResize.UI_TARS_1_5.resize(new Size(2800, 14)));
    }

    @Test
    @DisplayName("accepts an aspect ratio of exactly 200 and rejects anything wider, naming the ratio")
    void aspectRatioLimit() {
        assertEquals(new Size(14000, 56), SmartResize.UI_TARS_1_5.resize(new Size(14000, 70)));
        var e = assertThrows(IllegalArgumentException.class, () -> SmartResize.UI_TARS_1_5.resize(new Size(14070, 70)));
        assertTrue(e.getMessage().contains("201"), e::getMessage);
    }

    @Test
    @DisplayName("always gives sides that are multiples of the factor within the pixel limits")
    void invariants() {
        var random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            int w = 1 + random.nextInt(8000);
            int h = Math.max(1, Math.min(8000, w / (1 + random.nextInt(150)) + random.nextInt(8000)));
            Size size = new Size(w, h);
            if ((double) Math.max(w, h) / Math.min(w, h) > SmartResize.MAX_ASPECT_RATIO) {
                continue;
            }
            Size r = SmartResize.UI_TARS_1_5.resize(size);
            assertEquals(0, r.width() % 28, () -> size + " -> " + r);
            assertEquals(0, r.height() % 28, () -> size + " -> " + r);
            long area = (long) r.width() * r.height();
            assertTrue(area <= 16384L * 28 * 28 && area >= 100L * 28 * 28, () -> size + " -> " + r);
        }
    }

    @Test
    @DisplayName("rejects limits that cannot be met, naming them")
    void validatesLimits() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SmartResize(28, 1000, 10));
        assertTrue(e.getMessage().contains("max_pixels"), e::getMessage);
    }
}
