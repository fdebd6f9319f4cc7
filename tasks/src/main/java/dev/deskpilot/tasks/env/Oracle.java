package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.actions.ScrollDirection;
import dev.deskpilot.perception.Frame;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The correct actions for an instance: walks its {@link PlanStep plan}, one action per call, with
 * coordinates taken from where the backend has the widgets now (so the same plan works on every
 * backend, and after a scroll or an opened menu). It never looks at the screenshot.
 *
 * <p>Throws {@link IllegalStateException} when a widget the plan needs is not showing: then the
 * environment, not the agent, is broken.
 */
public final class Oracle implements Actor {
    private final Instance instance;
    private final Environment env;
    private int next;
    private String thought = "";
    private ScrollDirection lastScroll;
    private int lastAmount = Action.Scroll.DEFAULT_AMOUNT;
    private int lastTargetY = Integer.MIN_VALUE;
    private double pixelsPerNotch;
    private int reversals;

    public Oracle(Instance instance, Environment env) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The thought of the step the last action came from. */
    public String thought() {
        return thought;
    }

    @Override
    public List<Action> act(Frame frame) {
        while (next < instance.plan().size()) {
            PlanStep step = instance.plan().get(next);
            thought = step.thought();
            Optional<Action> action = resolve(step);
            if (action.isPresent()) {
                if (!(step instanceof PlanStep.ScrollTo)) {
                    next++;
                }
                return List.of(action.get());
            }
            next++; // a scroll whose target is already in view needs no action
        }
        throw new IllegalStateException("the plan of " + instance.name() + " is used up, but the episode goes on");
    }

    private Optional<Action> resolve(PlanStep step) {
        return switch (step) {
            case PlanStep.Click c -> Optional.of(new Action.Click(center(c.target())));
            case PlanStep.Type t -> Optional.of(new Action.TypeText(t.text()));
            case PlanStep.Hotkey h -> Optional.of(new Action.Hotkey(h.keys()));
            case PlanStep.Drag d -> Optional.of(new Action.Drag(center(d.item()), center(d.target())));
            case PlanStep.ScrollTo s -> scroll(s);
            case PlanStep.Slide s -> Optional.of(slide(s));
            case PlanStep.Finish f -> Optional.of(new Action.Finished(f.summary()));
        };
    }

    private Point center(String id) {
        return showing(id).center();
    }

    private Rect showing(String id) {
        return env.locate(id)
                .filter(r -> r.width() > 0 && r.height() > 0)
                .orElseThrow(() -> new IllegalStateException(
                        "oracle of " + instance.name() + ": element '" + id + "' is not showing"));
    }

    /**
     * One wheel action towards the target, or none once it is wholly in view. It aims to bring the
     * target to the container's middle. How far a notch scrolls is the backend's business (a row in
     * the Swing lists, 120 px in Chromium), so the oracle measures it: it starts by guessing one
     * target height and, after each scroll, divides how far the target moved by the notches sent.
     * Whenever it has to turn back it sends fewer notches than the time before, so it settles; where
     * a notch is longer than the list can show, a row half in view is close enough to click.
     */
    private Optional<Action> scroll(PlanStep.ScrollTo s) {
        Rect box = showing(s.container());
        Rect target = env.place(s.target())
                .orElseThrow(() -> new IllegalStateException(
                        "oracle of " + instance.name() + ": '" + s.target() + "' is not in '" + s.container() + "'"));
        if (lastScroll != null && lastTargetY != Integer.MIN_VALUE) {
            int moved = Math.abs(target.y() - lastTargetY);
            if (moved > 0) {
                pixelsPerNotch = (double) moved / lastAmount;
            }
        }
        int visible = Math.min(target.y() + target.height(), box.y() + box.height()) - Math.max(target.y(), box.y());
        boolean whole = visible >= target.height();
        // Where one notch scrolls further than the list shows, the wheel may never bring the target
        // wholly into view; as a person would, the oracle then takes a row that is at least half in
        // view, or, once the wheel has swung it back and forth, whatever part of it shows.
        boolean enough = visible * 2 >= target.height() && pixelsPerNotch > box.height() - target.height()
                || visible > 0 && reversals >= 2;
        if (whole || enough) {
            reversals = 0;
            lastScroll = null;
            lastTargetY = Integer.MIN_VALUE;
            return Optional.empty();
        }
        if (pixelsPerNotch <= 0) {
            pixelsPerNotch = Math.max(1, target.height());
        }
        int delta = target.center().y() - box.center().y();
        ScrollDirection direction = delta > 0 ? ScrollDirection.DOWN : ScrollDirection.UP;
        int amount =
                (int) Math.max(1, Math.min(Action.Scroll.DEFAULT_AMOUNT, Math.round(Math.abs(delta) / pixelsPerNotch)));
        if (lastScroll != null && lastScroll != direction) {
            amount = Math.max(1, Math.min(amount, lastAmount - 1));
            reversals++;
        }
        lastScroll = direction;
        lastAmount = amount;
        lastTargetY = target.y();
        return Optional.of(new Action.Scroll(box.center(), direction, amount));
    }

    private Action slide(PlanStep.Slide s) {
        Widget.Slider slider = Scenes.find(instance.scene(), s.slider(), Widget.Slider.class);
        // Where the backend shows the slider, so a page offset on screen moves the aim with it.
        Rect onScreen = env.place(s.slider())
                .orElseThrow(() -> new IllegalStateException(
                        "oracle of " + instance.name() + ": slider '" + s.slider() + "' is not showing"));
        Point thumb = center(s.slider() + "#thumb");
        int x = onScreen.x()
                + SliderGeometry.of(slider).xOf(s.value())
                - slider.bounds().x();
        return new Action.Drag(thumb, new Point(x, thumb.y()));
    }
}
