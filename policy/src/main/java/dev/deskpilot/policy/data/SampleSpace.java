package dev.deskpilot.policy.data;

import dev.deskpilot.actions.Size;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.SmartResize;
import java.util.Objects;

/**
 * The model's view of a screenshot: the size it is resized to and how action coordinates are
 * written for it. Run folders store screen pixels; samples use this space.
 *
 * @param coordinates the convention action text is written in
 * @param resize how a screenshot is resized for the model
 */
public record SampleSpace(CoordinateConvention coordinates, SmartResize resize) {
    /** UI-TARS-1.5: absolute pixels of the smart-resized image (factor 28). */
    public static final SampleSpace UI_TARS_1_5 =
            new SampleSpace(CoordinateConvention.ABSOLUTE, SmartResize.UI_TARS_1_5);

    public SampleSpace {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(resize, "resize");
    }

    /** The size the model sees for a screenshot of {@code screen} size. */
    public Size imageSize(Size screen) {
        return resize.resize(screen);
    }
}
