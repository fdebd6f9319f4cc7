package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Scene;
import java.awt.Rectangle;
import java.util.HashMap;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JLayeredPane;

/**
 * What the widget builders of one {@link SwingApp} share: the scene, its look, the app's state,
 * the window's layered pane, the popups, and the register of locatable elements.
 */
final class AppContext {
    /** Layers of the window pane, bottom to top; widgets sit on {@link JLayeredPane#DEFAULT_LAYER}. */
    static final int POPUP_LAYER = 100;

    static final int MODAL_LAYER = 200;
    static final int DRAG_LAYER = 300;

    /** Something that can be located: a component, or a part of one (in its own pixels). */
    record Target(JComponent component, Rectangle part) {}

    final Scene scene;
    final Look look;
    final AppModel model = new AppModel();
    final JLayeredPane pane = new JLayeredPane();
    final Popups popups;
    final Map<String, Target> targets = new HashMap<>();

    AppContext(Scene scene) {
        this.scene = scene;
        this.look = new Look(scene.theme());
        this.popups = new Popups(pane, look);
    }

    /** Makes {@code c} locatable as {@code id}. */
    void register(String id, JComponent c) {
        targets.put(id, new Target(c, null));
    }

    /** Makes a part of {@code c} locatable as {@code id}. */
    void register(String id, JComponent c, Rectangle part) {
        targets.put(id, new Target(c, part));
    }

    /** Places {@code c} at {@code bounds} (window pixels) and returns it. */
    JComponent at(JComponent c, Rect bounds) {
        c.setBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height());
        return c;
    }
}
