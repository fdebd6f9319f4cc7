package dev.deskpilot.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deskpilot.actions.Rect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slider geometry")
class SliderGeometryTest {
    @Test
    @DisplayName("every value's pixel reads back as that value when a value has at least one pixel")
    void roundTrip() {
        int[][] ranges = {{0, 100}, {-50, 50}, {0, 255}, {1, 10}};
        for (int[] r : ranges) {
            for (int track : new int[] {r[1] - r[0], 2 * (r[1] - r[0]) + 7, 420}) {
                int width = track + 2 * SliderGeometry.THUMB_RADIUS + SliderGeometry.VALUE_BOX;
                var slider = new Widget.Slider("s", new Rect(30, 40, width, 24), r[0], r[1], r[0]);
                SliderGeometry g = SliderGeometry.of(slider);
                for (int v = r[0]; v <= r[1]; v++) {
                    assertEquals(v, g.valueAt(g.xOf(v)), "value " + v + " on a " + track + " px track");
                }
                assertEquals(r[0], g.valueAt(0));
                assertEquals(r[1], g.valueAt(10_000));
            }
        }
    }
}
