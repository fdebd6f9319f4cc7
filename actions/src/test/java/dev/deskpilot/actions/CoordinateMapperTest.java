package dev.deskpilot.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CoordinateMapper")
class CoordinateMapperTest {
    /** A 1920x1080 screen smart-resized for the model to 1932x1092 (multiples of 28). */
    final CoordinateMapper modelToScreen = new CoordinateMapper(new Size(1932, 1092), new Size(1920, 1080));

    @Test
    @DisplayName("maps a model pixel to the screen pixel at the same relative position")
    void mapsPoints() {
        assertEquals(new Point(960, 540), modelToScreen.map(new Point(966, 546)));
        assertEquals(new Point(0, 0), modelToScreen.map(new Point(0, 0)));
        assertEquals(new Point(1919, 1079), modelToScreen.map(new Point(1931, 1091)));
        assertEquals(new Point(412, 232), modelToScreen.map(new Point(415, 235)));
    }

    @Test
    @DisplayName("clamps points outside the model image onto the screen's edge")
    void clamps() {
        assertEquals(new Point(1919, 0), modelToScreen.map(new Point(5000, -3)));
        assertEquals(new Point(0, 1079), modelToScreen.map(new Point(-40, 1092)));
    }

    @Test
    @DisplayName("scales each axis on its own when the aspect ratio changes")
    void scalesAxesIndependently() {
        var squash = new CoordinateMapper(new Size(1000, 1000), new Size(2000, 500));
        assertEquals(new Point(1000, 250), squash.map(new Point(500, 500)));
    }

    @Test
    @DisplayName("maps every point of an action and leaves actions without points unchanged")
    void mapsActions() {
        assertEquals(
                new Action.Drag(new Point(960, 540), new Point(1919, 1079)),
                modelToScreen.map(new Action.Drag(new Point(966, 546), new Point(1931, 1091))));
        assertEquals(
                new Action.Scroll(new Point(960, 540), ScrollDirection.UP, 3),
                modelToScreen.map(new Action.Scroll(new Point(966, 546), ScrollDirection.UP, 3)));
        assertEquals(
                new Action.RightClick(new Point(960, 540)),
                modelToScreen.map(new Action.RightClick(new Point(966, 546))));
        var typing = new Action.TypeText("hello\n");
        assertSame(typing, modelToScreen.map(typing));
        var hotkey = new Action.Hotkey(List.of("ctrl", "c"));
        assertSame(hotkey, modelToScreen.map(hotkey));
    }

    @Test
    @DisplayName("the identity mapper changes nothing")
    void identity() {
        var same = CoordinateMapper.identity(new Size(1280, 800));
        assertEquals(new Point(1279, 0), same.map(new Point(1279, 0)));
    }
}
