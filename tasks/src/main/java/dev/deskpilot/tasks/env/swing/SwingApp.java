package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.Widget;
import java.awt.Color;
import java.awt.Component;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.JComponent;
import javax.swing.JLayeredPane;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

/**
 * A {@link Scene} as a live Swing app: one component tree, the size of the screen, that a virtual
 * screen paints headless or a window shows on a real display. It keeps the app's state and knows
 * where each element is. Popups (drop-down options, menus) are panels inside the window, not
 * windows of their own, so they work headless too.
 *
 * <p>Build and use it on the event dispatch thread only.
 */
public final class SwingApp {
    private final AppContext ctx;
    private final Scene scene;
    private final Look look;
    private final AppModel model;
    private final JPanel root = new JPanel(null);
    private final JLayeredPane pane;
    private final Choices choices;
    private final List<List<JComponent>> wizardPages = new ArrayList<>();
    private String wizardId = "";
    private int wizardPage;

    private SwingApp(Scene scene) {
        this.ctx = new AppContext(scene);
        this.scene = scene;
        this.look = ctx.look;
        this.model = ctx.model;
        this.pane = ctx.pane;
        this.choices = new Choices(ctx);
    }

    /** Builds the app for {@code scene}; call on the event dispatch thread. */
    public static SwingApp build(Scene scene) {
        SwingApp app = new SwingApp(scene);
        app.assemble();
        return app;
    }

    /** The screen-sized root component. */
    public JComponent root() {
        return root;
    }

    /** The app's state: values by widget id and the commit token (see {@link Scene}). */
    public Map<String, String> state() {
        return model.snapshot();
    }

    /** Where element {@code id} shows now, in screen pixels, cut to what is visible; empty if nothing is. */
    public Optional<Rect> locate(String id) {
        return bounds(id, true);
    }

    /** Where element {@code id} is laid out now, in screen pixels, scrolled-away parts included. */
    public Optional<Rect> place(String id) {
        return bounds(id, false);
    }

    private Optional<Rect> bounds(String id, boolean visibleOnly) {
        AppContext.Target t = ctx.targets.get(id);
        if (t == null || !showing(t.component())) {
            return Optional.empty();
        }
        JComponent c = t.component();
        Rectangle r = t.part() != null ? new Rectangle(t.part()) : new Rectangle(0, 0, c.getWidth(), c.getHeight());
        if (visibleOnly) {
            r = r.intersection(c.getVisibleRect());
            if (r.isEmpty()) {
                return Optional.empty();
            }
        }
        Rectangle s = SwingUtilities.convertRectangle(c, r, root);
        return Optional.of(new Rect(s.x, s.y, s.width, s.height));
    }

    private boolean showing(Component c) {
        for (Component at = c; at != root; at = at.getParent()) {
            if (at == null || !at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void assemble() {
        root.setBackground(look.desktop);
        root.setOpaque(true);
        root.setFocusable(false);
        root.setBounds(0, 0, scene.screen().width(), scene.screen().height());
        Rect w = scene.window();
        pane.setBounds(w.x(), w.y(), w.width(), w.height());
        pane.setOpaque(true);
        pane.setBackground(look.window);
        pane.setFocusable(false);
        root.add(pane);
        if (scene.theme().titleBar() > 0) {
            pane.add(
                    ctx.at(titleBar(), new Rect(0, 0, w.width(), scene.theme().titleBar())),
                    JLayeredPane.DEFAULT_LAYER,
                    0);
        }
        for (Widget widget : scene.widgets()) {
            build(widget);
        }
        for (String group : choices.groups()) {
            model.set(group, choices.selectedRadio(group));
        }
    }

    /** Builds a widget into the window; returns the components it added, for tabs and pages to show and hide. */
    private List<JComponent> build(Widget widget) {
        List<JComponent> added = new ArrayList<>();
        switch (widget) {
            case Widget.Label l -> added.add(label(l));
            case Widget.Panel p -> added.add(panel(p));
            case Widget.Button b -> added.add(button(b));
            case Widget.Paragraph p -> added.add(paragraph(p));
            case Widget.TextField f -> added.add(textField(f));
            case Widget.CheckBox c -> added.add(choices.checkBox(c));
            case Widget.Radio r -> added.add(choices.radio(r));
            case Widget.Dropdown d -> added.add(Dropdowns.build(ctx, d));
            case Widget.ListBox l -> added.add(listBox(l));
            case Widget.Tabs t -> added.addAll(TabStrips.build(ctx, t, this::build));
            case Widget.Wizard z -> added.addAll(wizard(z));
            case Widget.Dialog d -> added.addAll(Dialogs.build(ctx, d, this::button));
            case Widget.MenuBar m -> added.addAll(Menus.build(ctx, m));
            case Widget.DragItem d -> added.add(Drags.item(ctx, d));
            case Widget.DropZone z -> added.add(Drags.zone(ctx, z));
            case Widget.Slider s -> added.add(Sliders.build(ctx, s));
            case Widget.Spinner s -> added.addAll(Spinners.build(ctx, s));
        }
        for (JComponent c : added) {
            if (c.getParent() == null) {
                pane.add(c, JLayeredPane.DEFAULT_LAYER, 0);
            }
        }
        return added;
    }

    private Painted titleBar() {
        return new Painted((g, c) -> {
            Color bar = new Color(scene.theme().titleBarColor());
            g.setColor(bar);
            g.fillRect(0, 0, c.getWidth(), c.getHeight());
            g.setColor(Look.mix(bar, Color.BLACK, 0.25));
            g.fillRect(0, c.getHeight() - 1, c.getWidth(), 1);
            g.setColor(new Color(scene.theme().titleTextColor()));
            g.setFont(look.font(Math.max(11, c.getHeight() / 2), true));
            Look.textLeft(g, scene.title(), 12, c.getHeight());
            // Window buttons: decoration only, but an agent must learn they are not the task.
            int d = c.getHeight() / 2;
            for (int i = 0; i < 3; i++) {
                int x = c.getWidth() - (i + 1) * (d + 10);
                g.setColor(Look.mix(bar, new Color(scene.theme().titleTextColor()), 0.35));
                g.drawRect(x, (c.getHeight() - d) / 2, d, d);
            }
        });
    }

    private JComponent label(Widget.Label l) {
        Painted p = new Painted((g, c) -> {
            g.setColor(look.tone(l.tone()));
            g.setFont(look.font(l.size(), l.bold() || l.tone() == Widget.Tone.HEADING));
            Look.textLeft(g, Look.fit(g.getFontMetrics(), l.text(), c.getWidth() + 4), 0, c.getHeight());
        });
        ctx.register(l.id(), p);
        return ctx.at(p, l.bounds());
    }

    private JComponent panel(Widget.Panel spec) {
        Painted p = new Painted((g, c) -> {
            int r = scene.theme().radius() * 2;
            if (spec.filled()) {
                g.setColor(look.surface);
                g.fillRoundRect(0, 0, c.getWidth(), c.getHeight(), r, r);
            }
            if (spec.outlined()) {
                g.setColor(look.border);
                g.drawRoundRect(0, 0, c.getWidth() - 1, c.getHeight() - 1, r, r);
            }
        });
        ctx.register(spec.id(), p);
        return ctx.at(p, spec.bounds());
    }

    private JComponent button(Widget.Button b) {
        int size = Math.min(scene.theme().fontSize(), b.bounds().height() - 8);
        Painted p =
                new Painted((g, c) -> look.paintButton(g, c.getWidth(), c.getHeight(), b.label(), b.emphasis(), size));
        Clicks.onClick(p, () -> {
            switch (b.effect()) {
                case COMMIT -> model.commit(b.id());
                case NONE -> {}
                case NEXT_PAGE -> showPage(wizardPage + 1);
                case PREVIOUS_PAGE -> showPage(wizardPage - 1);
            }
        });
        ctx.register(b.id(), p);
        return ctx.at(p, b.bounds());
    }

    private JComponent paragraph(Widget.Paragraph spec) {
        ParagraphView p = new ParagraphView(look, spec, model::commit);
        ctx.register(spec.id(), p);
        p.links().forEach((id, r) -> ctx.register(id, p, r));
        return ctx.at(p, spec.bounds());
    }

    private JComponent textField(Widget.TextField f) {
        int size = Math.min(scene.theme().fontSize(), f.bounds().height() - 10);
        FieldView[] view = new FieldView[1];
        view[0] = new FieldView(look, f.placeholder(), f.initial(), f.password(), size, () -> {
            if (view[0] != null) {
                model.set(f.id(), view[0].value());
            }
        });
        model.set(f.id(), f.initial());
        ctx.register(f.id(), view[0]);
        return ctx.at(view[0], f.bounds());
    }

    private JComponent listBox(Widget.ListBox spec) {
        ListView[] view = new ListView[1];
        model.set(spec.id(), spec.selected() < 0 ? "" : spec.items().get(spec.selected()));
        view[0] = new ListView(look, spec, (index, item) -> {
            if (model.frozen()) {
                return;
            }
            if (spec.commits()) {
                model.commit(spec.id() + "/" + index);
            } else {
                model.set(spec.id(), item);
                view[0].select(index);
            }
        });
        ctx.register(spec.id(), view[0]);
        for (int i = 0; i < view[0].rows().size(); i++) {
            ctx.register(spec.id() + "/" + i, view[0].rows().get(i));
        }
        return ctx.at(view[0], spec.bounds());
    }

    private List<JComponent> wizard(Widget.Wizard spec) {
        wizardId = spec.id();
        List<JComponent> all = new ArrayList<>();
        Painted frame = new Painted((g, c) -> {});
        ctx.register(spec.id(), ctx.at(frame, spec.bounds()));
        all.add(frame);
        for (int i = 0; i < spec.pages().size(); i++) {
            List<JComponent> page = new ArrayList<>();
            for (Widget w : spec.pages().get(i)) {
                page.addAll(build(w));
            }
            for (JComponent c : page) {
                c.setVisible(i == 0);
            }
            wizardPages.add(page);
            all.addAll(page);
        }
        model.set(spec.id(), "0");
        return all;
    }

    private void showPage(int page) {
        if (model.frozen() || wizardPages.isEmpty() || page < 0 || page >= wizardPages.size()) {
            return;
        }
        wizardPage = page;
        for (int i = 0; i < wizardPages.size(); i++) {
            for (JComponent c : wizardPages.get(i)) {
                c.setVisible(i == page);
            }
        }
        model.set(wizardId, String.valueOf(page));
        pane.repaint();
    }
}
