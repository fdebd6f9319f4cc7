package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.ScrollDirection;
import dev.deskpilot.perception.Frame;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random baseline: every step one random action at a uniformly random point of the app's
 * window (a head start over points anywhere on the screen): mostly clicks, some drags, scrolls,
 * typed words and key presses, rarely {@code finished}. A family whose goal this reaches often is
 * too easy to tell anything.
 */
public final class RandomActor implements Actor {
    private static final String[] WORDS = {"hello", "test", "admin", "42", "yes", "Submit", "a", "2024"};

    private final SplittableRandom random;
    private final Rect area;

    /** @param area where points fall, in screen pixels (usually the scene's window) */
    public RandomActor(long seed, Rect area) {
        this.random = new SplittableRandom(seed);
        this.area = area;
    }

    @Override
    public List<Action> act(Frame frame) {
        int roll = random.nextInt(100);
        Action action;
        if (roll < 62) {
            action = new Action.Click(point());
        } else if (roll < 66) {
            action = new Action.DoubleClick(point());
        } else if (roll < 76) {
            action = new Action.Drag(point(), point());
        } else if (roll < 86) {
            ScrollDirection[] dirs = {ScrollDirection.UP, ScrollDirection.DOWN};
            action = new Action.Scroll(point(), dirs[random.nextInt(2)], 1 + random.nextInt(5));
        } else if (roll < 95) {
            action = new Action.TypeText(WORDS[random.nextInt(WORDS.length)]);
        } else if (roll < 98) {
            action = new Action.Hotkey(List.of(random.nextBoolean() ? "enter" : "tab"));
        } else {
            action = new Action.Finished("random");
        }
        return List.of(action);
    }

    private Point point() {
        return new Point(area.x() + random.nextInt(area.width()), area.y() + random.nextInt(area.height()));
    }
}
