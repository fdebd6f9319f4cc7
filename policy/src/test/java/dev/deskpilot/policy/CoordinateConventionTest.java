package dev.deskpilot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.CoordinateMapper;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Coordinate conventions on a 1920x1080 screen")
class CoordinateConventionTest {
    static final Size SCREEN = new Size(1920, 1080);
    static final Size RESIZED = SmartResize.UI_TARS_1_5.resize(SCREEN);

    /** Parses one click in the model's image and maps it to the screen, as the agent will. */
    static Point clickOnScreen(CoordinateConvention convention, Size image, String at) throws Exception {
        Reply reply = new ActionGrammar(convention, image).parse("Action: click(start_box='" + at + "')");
        Action onScreen =
                new CoordinateMapper(image, SCREEN).map(reply.actions().getFirst());
        return ((Action.Click) onScreen).at();
    }

    @Test
    @DisplayName("the model sees 1920x1080 as 1932x1092")
    void resizedImage() {
        assertEquals(new Size(1932, 1092), RESIZED);
    }

    @Test
    @DisplayName("relative (235,512) is pixel (451,553), the UI-TARS 1.0 README's example")
    void relativeReadmeExample() throws Exception {
        assertEquals(new Point(451, 553), clickOnScreen(CoordinateConvention.RELATIVE_1000, SCREEN, "(235,512)"));
        // the same answer when the grammar works in the resized image and the mapper takes it to the screen
        assertEquals(new Point(451, 553), clickOnScreen(CoordinateConvention.RELATIVE_1000, RESIZED, "(235,512)"));
    }

    @Test
    @DisplayName("absolute coordinates are pixels of the 1932x1092 image, scaled to the screen by the mapper")
    void absoluteInResizedImage() throws Exception {
        // 454*1920/1932 = 451.2 and 559*1080/1092 = 552.9
        assertEquals(new Point(451, 553), clickOnScreen(CoordinateConvention.ABSOLUTE, RESIZED, "(454,559)"));
        assertEquals(new Point(960, 540), clickOnScreen(CoordinateConvention.ABSOLUTE, RESIZED, "(966,546)"));
        assertEquals(new Point(1919, 1079), clickOnScreen(CoordinateConvention.ABSOLUTE, RESIZED, "(1931,1091)"));
    }

    @Test
    @DisplayName("normalised (0.5,0.5) is the centre of the screen")
    void normalisedCentre() throws Exception {
        assertEquals(new Point(960, 540), clickOnScreen(CoordinateConvention.NORMALIZED, SCREEN, "(0.5,0.5)"));
        assertEquals(new Point(960, 540), clickOnScreen(CoordinateConvention.NORMALIZED, RESIZED, "(0.5,0.5)"));
        assertEquals(new Point(451, 553), clickOnScreen(CoordinateConvention.NORMALIZED, SCREEN, "(0.235,0.512)"));
    }

    @Test
    @DisplayName("the far edge of the range lands on the last pixel, not beyond the image")
    void farEdge() {
        assertEquals(new Point(1919, 1079), CoordinateConvention.RELATIVE_1000.toPixel(1000, 1000, SCREEN));
        assertEquals(new Point(1919, 1079), CoordinateConvention.NORMALIZED.toPixel(1, 1, SCREEN));
        assertEquals(new Point(1919, 1079), CoordinateConvention.ABSOLUTE.toPixel(1920, 1080, SCREEN));
    }

    @Test
    @DisplayName("refuses numbers outside the convention's range, naming the axis and the range")
    void outOfRange() {
        var relative = assertThrows(
                IllegalArgumentException.class, () -> CoordinateConvention.RELATIVE_1000.toPixel(1200, 5, SCREEN));
        assertTrue(relative.getMessage().contains("x 1200 is outside 0..1000"), relative::getMessage);
        var absolute = assertThrows(
                IllegalArgumentException.class, () -> CoordinateConvention.ABSOLUTE.toPixel(5, 1093, RESIZED));
        assertTrue(absolute.getMessage().contains("y 1093 is outside 0..1092"), absolute::getMessage);
        assertThrows(IllegalArgumentException.class, () -> CoordinateConvention.NORMALIZED.toPixel(-0.1, 0.5, SCREEN));
    }

    @Test
    @DisplayName("writes a pixel as the convention's numbers")
    void formatsPixels() {
        Point p = new Point(451, 553);
        assertEquals("451,553", CoordinateConvention.ABSOLUTE.format(p, SCREEN));
        assertEquals("235,512", CoordinateConvention.RELATIVE_1000.format(p, SCREEN));
        assertEquals("0.2349,0.512", CoordinateConvention.NORMALIZED.format(p, SCREEN));
        assertEquals("0.5,0.5", CoordinateConvention.NORMALIZED.format(new Point(960, 540), SCREEN));
        assertEquals("0,0", CoordinateConvention.NORMALIZED.format(new Point(0, 0), SCREEN));
        assertThrows(
                IllegalArgumentException.class, () -> CoordinateConvention.ABSOLUTE.format(new Point(1920, 0), SCREEN));
    }

    @Test
    @DisplayName("every pixel survives pixel -> numbers -> pixel where the convention can name it")
    void everyPixelRoundTrips() {
        for (CoordinateConvention c : CoordinateConvention.values()) {
            int length = c == CoordinateConvention.RELATIVE_1000 ? 1000 : 1932;
            for (int px = 0; px < length; px++) {
                assertEquals(px, c.toPixel(c.fromPixel(px, length), length), c + " pixel " + px);
            }
        }
    }
}
