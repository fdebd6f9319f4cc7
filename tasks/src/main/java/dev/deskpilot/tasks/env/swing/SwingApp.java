package dev.deskpilot.tasks.env.swing;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.env.Scene;
import dev.deskpilot.tasks.env.SliderGeometry;
import dev.deskpilot.tasks.env.Widget;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final int POPUP_LAYER = 100;
    private static final int MODAL_LAYER = 200;
    private static final int DRAG_LAYER = 300;

    /** Something that can be located: a component, or a part of one. */
    private record Target(JComponent component, Rectangle part) {}

    private final Scene scene;
    private final Look look;
    private final AppModel model = new AppModel();
    private final JPanel root = new JPanel(null);
    private final JLayeredPane pane = new JLayeredPane();
    private final Map<String, Target> targets = new HashMap<>();
    private final Map<String, List<Painted>> radioGroups = new HashMap<>();
    private final List<JComponent> popups = new ArrayList<>();
    private final List<List<JComponent>> wizardPages = new ArrayList<>();
    private String wizardId = "";
    private int wizardPage;

    private SwingApp(Scene scene) {
        this.scene = scene;
        this.look = new Look(scene.theme());
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
        Target t = targets.get(id);
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
            add(titleBar(), new Rect(0, 0, w.width(), scene.theme().titleBar()), JLayeredPane.DEFAULT_LAYER);
        }
        for (Widget widget : scene.widgets()) {
            build(widget, JLayeredPane.DEFAULT_LAYER);
        }
        radioGroups.forEach((group, radios) -> model.set(group, selectedRadio(group)));
    }

    private void add(JComponent c, Rect bounds, Integer layer) {
        c.setBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height());
        pane.add(c, layer, 0);
    }

    private void register(String id, JComponent c) {
        targets.put(id, new Target(c, null));
    }

    /** Builds a widget into the window; returns the components it added, for tabs and pages to show and hide. */
    private List<JComponent> build(Widget widget, Integer layer) {
        List<JComponent> added = new ArrayList<>();
        switch (widget) {
            case Widget.Label l -> added.add(label(l));
            case Widget.Panel p -> added.add(panel(p));
            case Widget.Button b -> added.add(button(b));
            case Widget.Paragraph p -> added.add(paragraph(p));
            case Widget.TextField f -> added.add(textField(f));
            case Widget.CheckBox c -> added.add(checkBox(c));
            case Widget.Radio r -> added.add(radio(r));
            case Widget.Dropdown d -> added.add(dropdown(d));
            case Widget.ListBox l -> added.add(listBox(l));
            case Widget.Tabs t -> added.addAll(tabs(t));
            case Widget.Wizard z -> added.addAll(wizard(z));
            case Widget.Dialog d -> added.addAll(dialog(d));
            case Widget.MenuBar m -> added.addAll(menuBar(m));
            case Widget.DragItem d -> added.add(dragItem(d));
            case Widget.DropZone z -> added.add(dropZone(z));
            case Widget.Slider s -> added.add(slider(s));
            case Widget.Spinner s -> added.addAll(spinner(s));
        }
        for (JComponent c : added) {
            if (c.getParent() == null) {
                pane.add(c, layer, 0);
            }
        }
        return added;
    }

    private JComponent at(JComponent c, Rect bounds) {
        c.setBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height());
        return c;
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
        register(l.id(), p);
        return at(p, l.bounds());
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
        register(spec.id(), p);
        return at(p, spec.bounds());
    }

    private JComponent button(Widget.Button b) {
        int size = Math.min(scene.theme().fontSize(), b.bounds().height() - 8);
        Painted p = new Painted(
                (g, c) -> look.paintButton(g, c.getWidth(), c.getHeight(), b.label(), b.emphasis(), false, size));
        Clicks.onClick(p, () -> {
            switch (b.effect()) {
                case COMMIT -> model.commit(b.id());
                case NONE -> {}
                case NEXT_PAGE -> showPage(wizardPage + 1);
                case PREVIOUS_PAGE -> showPage(wizardPage - 1);
            }
        });
        register(b.id(), p);
        return at(p, b.bounds());
    }

    private JComponent paragraph(Widget.Paragraph spec) {
        ParagraphView p = new ParagraphView(look, spec, model::commit);
        register(spec.id(), p);
        p.links().forEach((id, r) -> targets.put(id, new Target(p, r)));
        return at(p, spec.bounds());
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
        register(f.id(), view[0]);
        return at(view[0], f.bounds());
    }

    private JComponent checkBox(Widget.CheckBox spec) {
        boolean[] checked = {spec.checked()};
        model.set(spec.id(), String.valueOf(checked[0]));
        Painted p = new Painted((g, c) -> paintCheck(g, c, spec.label(), checked[0], false));
        Clicks.onClick(p, () -> {
            if (!model.frozen()) {
                checked[0] = !checked[0];
                model.set(spec.id(), String.valueOf(checked[0]));
                p.repaint();
            }
        });
        register(spec.id(), p);
        return at(p, spec.bounds());
    }

    private final Map<String, String> radioChoice = new HashMap<>();

    private JComponent radio(Widget.Radio spec) {
        if (spec.selected()) {
            radioChoice.put(spec.group(), spec.id());
        }
        Painted p = new Painted(
                (g, c) -> paintCheck(g, c, spec.label(), spec.id().equals(radioChoice.get(spec.group())), true));
        Clicks.onClick(p, () -> {
            if (!model.frozen()) {
                radioChoice.put(spec.group(), spec.id());
                model.set(spec.group(), spec.id());
                radioGroups.get(spec.group()).forEach(JComponent::repaint);
            }
        });
        radioGroups.computeIfAbsent(spec.group(), k -> new ArrayList<>()).add(p);
        register(spec.id(), p);
        return at(p, spec.bounds());
    }

    private String selectedRadio(String group) {
        return radioChoice.getOrDefault(group, "");
    }

    private void paintCheck(Graphics2D g, JComponent c, String label, boolean on, boolean round) {
        int size = scene.theme().fontSize();
        int box = Math.min(c.getHeight() - 4, size + 4);
        int y = (c.getHeight() - box) / 2;
        int r = round ? box : Math.min(scene.theme().radius(), box / 3) * 2;
        g.setColor(on ? look.accent : look.field);
        if (round) {
            g.setColor(look.field);
        }
        g.fillRoundRect(0, y, box, box, r, r);
        g.setColor(on ? look.accent : look.border);
        g.setStroke(new BasicStroke(round && on ? 2f : 1.3f));
        g.drawRoundRect(0, y, box - 1, box - 1, r, r);
        if (on && round) {
            int dot = box / 2;
            g.fillOval((box - dot) / 2, y + (box - dot) / 2, dot, dot);
        } else if (on) {
            g.setColor(look.onAccent);
            g.setStroke(new BasicStroke(Math.max(2f, box / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawPolyline(
                    new int[] {box / 4, box * 5 / 12, box * 3 / 4},
                    new int[] {y + box / 2, y + box * 2 / 3, y + box / 3},
                    3);
        }
        g.setColor(look.text);
        g.setFont(look.font(size, false));
        Look.textLeft(g, Look.fit(g.getFontMetrics(), label, c.getWidth() - box - 10), box + 8, c.getHeight());
    }

    private JComponent dropdown(Widget.Dropdown spec) {
        int[] chosen = {spec.selected()};
        model.set(spec.id(), chosen[0] < 0 ? "" : spec.options().get(chosen[0]));
        int size = Math.min(scene.theme().fontSize(), spec.bounds().height() - 10);
        Painted box = new Painted((g, c) -> {
            look.paintFieldBox(g, c.getWidth(), c.getHeight(), false);
            g.setFont(look.font(size, false));
            boolean none = chosen[0] < 0;
            g.setColor(none ? look.muted : look.text);
            String shown = none ? spec.placeholder() : spec.options().get(chosen[0]);
            Look.textLeft(g, Look.fit(g.getFontMetrics(), shown, c.getWidth() - 40), 10, c.getHeight());
            int ax = c.getWidth() - 20;
            int ay = c.getHeight() / 2;
            g.setColor(look.text);
            g.fillPolygon(new int[] {ax - 5, ax + 5, ax}, new int[] {ay - 3, ay - 3, ay + 3}, 3);
        });
        Clicks.onClick(box, () -> {
            if (model.frozen()) {
                return;
            }
            Rect b = spec.bounds();
            int h = b.height();
            int total = h * spec.options().size();
            int y = b.y() + b.height() + total <= scene.window().height() ? b.y() + b.height() : b.y() - total;
            List<JComponent> rows = new ArrayList<>();
            for (int i = 0; i < spec.options().size(); i++) {
                int index = i;
                String option = spec.options().get(i);
                Painted row = new Painted((g, c) -> {
                    g.setColor(index == chosen[0] ? look.accentSoft() : look.surface);
                    g.fillRect(0, 0, c.getWidth(), c.getHeight());
                    g.setColor(look.text);
                    g.setFont(look.font(size, false));
                    Look.textLeft(g, Look.fit(g.getFontMetrics(), option, c.getWidth() - 20), 10, c.getHeight());
                });
                Clicks.onClick(row, () -> {
                    chosen[0] = index;
                    model.set(spec.id(), option);
                    closePopups();
                    box.repaint();
                });
                row.setBounds(b.x(), y + i * h, b.width(), h);
                register(spec.id() + "/" + i, row);
                rows.add(row);
            }
            openPopup(rows, new Rect(b.x(), y, b.width(), total));
        });
        register(spec.id(), box);
        return at(box, spec.bounds());
    }

    /** Shows popup rows over the window, with a transparent scrim below them that closes them when clicked. */
    private void openPopup(List<JComponent> rows, Rect frame) {
        closePopups();
        Painted scrim = new Painted((g, c) -> {});
        scrim.setBounds(0, 0, pane.getWidth(), pane.getHeight());
        scrim.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                closePopups();
            }
        });
        pane.add(scrim, Integer.valueOf(POPUP_LAYER), 0);
        popups.add(scrim);
        addPopupLayer(rows, frame);
    }

    /** Adds one more panel of popup rows (a submenu) over what is open. */
    private void addPopupLayer(List<JComponent> rows, Rect frame) {
        Painted shadow = new Painted((g, c) -> {
            g.setColor(new Color(0, 0, 0, 40));
            g.fillRect(3, 3, c.getWidth() - 3, c.getHeight() - 3);
            g.setColor(look.surface);
            g.fillRect(0, 0, c.getWidth() - 3, c.getHeight() - 3);
            g.setColor(look.border);
            g.drawRect(0, 0, c.getWidth() - 4, c.getHeight() - 4);
        });
        shadow.setBounds(frame.x() - 1, frame.y() - 1, frame.width() + 5, frame.height() + 5);
        pane.add(shadow, Integer.valueOf(POPUP_LAYER), 0);
        popups.add(shadow);
        for (JComponent row : rows) {
            pane.add(row, Integer.valueOf(POPUP_LAYER), 0);
            popups.add(row);
        }
        pane.repaint();
    }

    private void closePopups() {
        for (JComponent c : popups) {
            pane.remove(c);
        }
        popups.clear();
        pane.repaint();
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
        register(spec.id(), view[0]);
        for (int i = 0; i < view[0].rows().size(); i++) {
            register(spec.id() + "/" + i, view[0].rows().get(i));
        }
        return at(view[0], spec.bounds());
    }

    private List<JComponent> tabs(Widget.Tabs spec) {
        List<JComponent> all = new ArrayList<>();
        List<List<JComponent>> contents = new ArrayList<>();
        int[] shown = {spec.selected()};
        Painted strip = new Painted((g, c) -> {
            g.setColor(look.border);
            g.fillRect(0, c.getHeight() - 1, c.getWidth(), 1);
        });
        register(spec.id(), at(strip, spec.bounds()));
        all.add(strip);
        for (Widget.Tab tab : spec.tabs()) {
            contents.add(new ArrayList<>());
        }
        List<Painted> handles = new ArrayList<>();
        for (int i = 0; i < spec.tabs().size(); i++) {
            int index = i;
            Widget.Tab tab = spec.tabs().get(i);
            Painted handle = new Painted((g, c) -> paintTab(g, c, tab.title(), index == shown[0]));
            Clicks.onClick(handle, () -> {
                if (model.frozen()) {
                    return;
                }
                shown[0] = index;
                model.set(spec.id(), tab.id());
                for (int k = 0; k < contents.size(); k++) {
                    for (JComponent c : contents.get(k)) {
                        c.setVisible(k == index);
                    }
                }
                handles.forEach(JComponent::repaint);
                pane.repaint();
            });
            handles.add(handle);
            register(tab.id(), at(handle, tab.bounds()));
            all.add(handle);
        }
        for (int i = 0; i < spec.tabs().size(); i++) {
            for (Widget w : spec.tabs().get(i).content()) {
                List<JComponent> built = build(w, JLayeredPane.DEFAULT_LAYER);
                for (JComponent c : built) {
                    c.setVisible(i == shown[0]);
                }
                contents.get(i).addAll(built);
            }
        }
        model.set(spec.id(), spec.tabs().get(spec.selected()).id());
        return all;
    }

    private void paintTab(Graphics2D g, JComponent c, String title, boolean on) {
        int w = c.getWidth();
        int h = c.getHeight();
        int r = scene.theme().radius() * 2;
        g.setFont(look.font(scene.theme().fontSize(), on));
        switch (scene.theme().buttonStyle()) {
            case FILLED, PILL -> {
                if (on) {
                    g.setColor(look.accent);
                    g.fillRoundRect(2, 3, w - 4, h - 6, look.radius(h - 6), look.radius(h - 6));
                }
                g.setColor(on ? look.onAccent : look.text);
            }
            case OUTLINE, FLAT -> {
                if (on) {
                    g.setColor(look.accent);
                    g.fillRect(0, h - 3, w, 3);
                }
                g.setColor(on ? look.accent : look.muted);
            }
            case BEVEL -> {
                g.setColor(on ? look.window : Look.mix(look.window, look.text, 0.08));
                g.fillRoundRect(0, 0, w, h + r, r, r);
                g.setColor(look.border);
                g.drawRoundRect(0, 0, w - 1, h + r, r, r);
                if (on) {
                    g.setColor(look.window);
                    g.fillRect(1, h - 1, w - 2, 1);
                }
                g.setColor(look.text);
            }
        }
        Look.textCentered(g, title, w, h);
    }

    private List<JComponent> wizard(Widget.Wizard spec) {
        wizardId = spec.id();
        List<JComponent> all = new ArrayList<>();
        Painted frame = new Painted((g, c) -> {});
        register(spec.id(), at(frame, spec.bounds()));
        all.add(frame);
        for (int i = 0; i < spec.pages().size(); i++) {
            List<JComponent> page = new ArrayList<>();
            for (Widget w : spec.pages().get(i)) {
                page.addAll(build(w, JLayeredPane.DEFAULT_LAYER));
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

    private List<JComponent> dialog(Widget.Dialog spec) {
        List<JComponent> all = new ArrayList<>();
        Painted scrim = new Painted((g, c) -> {
            g.setColor(new Color(0, 0, 0, 96));
            g.fillRect(0, 0, c.getWidth(), c.getHeight());
        });
        scrim.addMouseListener(new MouseAdapter() {}); // modal: clicks beside the dialog reach nothing
        scrim.setBounds(0, 0, scene.window().width(), scene.window().height());
        pane.add(scrim, Integer.valueOf(MODAL_LAYER), 0);
        all.add(scrim);
        int size = scene.theme().fontSize();
        Painted box = new Painted((g, c) -> {
            int r = scene.theme().radius() * 2;
            g.setColor(new Color(0, 0, 0, 60));
            g.fillRoundRect(4, 6, c.getWidth() - 4, c.getHeight() - 6, r, r);
            g.setColor(look.surface);
            g.fillRoundRect(0, 0, c.getWidth() - 4, c.getHeight() - 6, r, r);
            g.setColor(look.border);
            g.drawRoundRect(0, 0, c.getWidth() - 5, c.getHeight() - 7, r, r);
            g.setColor(look.text);
            g.setFont(look.font(size + 3, true));
            FontMetrics tm = g.getFontMetrics();
            g.drawString(spec.title(), 20, 16 + tm.getAscent());
            g.setFont(look.font(size, false));
            FontMetrics fm = g.getFontMetrics();
            int y = 16 + tm.getHeight() + 14 + fm.getAscent();
            for (String line : wrap(fm, spec.message(), c.getWidth() - 44)) {
                g.drawString(line, 20, y);
                y += fm.getHeight() + 2;
            }
        });
        register(spec.id(), at(box, spec.bounds()));
        pane.add(box, Integer.valueOf(MODAL_LAYER), 0);
        all.add(box);
        for (Widget.Button b : spec.buttons()) {
            JComponent button = button(b);
            pane.add(button, Integer.valueOf(MODAL_LAYER), 0);
            all.add(button);
        }
        return all;
    }

    static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(next) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private List<JComponent> menuBar(Widget.MenuBar spec) {
        List<JComponent> all = new ArrayList<>();
        Painted bar = new Painted((g, c) -> {
            g.setColor(Look.mix(look.window, look.text, 0.05));
            g.fillRect(0, 0, c.getWidth(), c.getHeight());
            g.setColor(look.border);
            g.fillRect(0, c.getHeight() - 1, c.getWidth(), 1);
        });
        register(spec.id(), at(bar, spec.bounds()));
        all.add(bar);
        for (Widget.Menu menu : spec.menus()) {
            Painted title = new Painted((g, c) -> {
                g.setColor(look.text);
                g.setFont(look.font(scene.theme().fontSize(), false));
                Look.textCentered(g, menu.title(), c.getWidth(), c.getHeight());
            });
            Clicks.onClick(title, () -> {
                if (!model.frozen()) {
                    Rect at = new Rect(
                            menu.bounds().x(), spec.bounds().y() + spec.bounds().height(), spec.itemWidth(), 0);
                    openPopup(menuRows(spec, menu.items(), at), frameOf(spec, menu.items(), at));
                }
            });
            register(menu.id(), at(title, menu.bounds()));
            all.add(title);
        }
        return all;
    }

    private Rect frameOf(Widget.MenuBar spec, List<Widget.MenuItem> items, Rect at) {
        return new Rect(at.x(), at.y(), spec.itemWidth(), spec.itemHeight() * items.size());
    }

    private List<JComponent> menuRows(Widget.MenuBar spec, List<Widget.MenuItem> items, Rect at) {
        List<JComponent> rows = new ArrayList<>();
        int h = spec.itemHeight();
        for (int i = 0; i < items.size(); i++) {
            Widget.MenuItem item = items.get(i);
            boolean sub = !item.submenu().isEmpty();
            Painted row = new Painted((g, c) -> {
                g.setColor(look.surface);
                g.fillRect(0, 0, c.getWidth(), c.getHeight());
                g.setColor(look.text);
                g.setFont(look.font(scene.theme().fontSize(), false));
                Look.textLeft(g, Look.fit(g.getFontMetrics(), item.label(), c.getWidth() - 40), 14, c.getHeight());
                if (sub) {
                    int ax = c.getWidth() - 16;
                    int ay = c.getHeight() / 2;
                    g.fillPolygon(new int[] {ax - 3, ax - 3, ax + 3}, new int[] {ay - 5, ay + 5, ay}, 3);
                }
            });
            int y = at.y() + i * h;
            row.setBounds(at.x(), y, spec.itemWidth(), h);
            Clicks.onClick(row, () -> {
                if (model.frozen()) {
                    return;
                }
                if (sub) {
                    // Close deeper submenus by reopening from the bar is overkill; menus here are two levels deep.
                    Rect next = new Rect(at.x() + spec.itemWidth() - 4, y, spec.itemWidth(), 0);
                    addPopupLayer(menuRows(spec, item.submenu(), next), frameOf(spec, item.submenu(), next));
                } else {
                    closePopups();
                    model.commit(item.id());
                }
            });
            register(item.id(), row);
            rows.add(row);
        }
        return rows;
    }

    private JComponent dragItem(Widget.DragItem spec) {
        Painted chip = new Painted((g, c) -> {
            int r = scene.theme().radius() * 2;
            g.setColor(look.surface);
            g.fillRoundRect(0, 0, c.getWidth() - 1, c.getHeight() - 1, r, r);
            g.setColor(look.border);
            g.drawRoundRect(0, 0, c.getWidth() - 1, c.getHeight() - 1, r, r);
            g.setColor(look.muted);
            for (int i = 0; i < 3; i++) {
                g.fillRect(8, c.getHeight() / 2 - 6 + i * 5, 8, 2);
            }
            g.setColor(look.text);
            g.setFont(look.font(scene.theme().fontSize(), false));
            Look.textLeft(g, Look.fit(g.getFontMetrics(), spec.label(), c.getWidth() - 34), 24, c.getHeight());
        });
        Rect home = spec.bounds();
        MouseAdapter drag = new MouseAdapter() {
            private Point grab;

            @Override
            public void mousePressed(MouseEvent e) {
                if (model.frozen() || e.getButton() != MouseEvent.BUTTON1) {
                    return;
                }
                grab = e.getPoint();
                pane.setLayer(chip, DRAG_LAYER, 0);
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (grab != null) {
                    Point p = SwingUtilities.convertPoint(chip, e.getPoint(), pane);
                    chip.setLocation(p.x - grab.x, p.y - grab.y);
                    pane.repaint();
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (grab == null) {
                    return;
                }
                grab = null;
                Point p = SwingUtilities.convertPoint(chip, e.getPoint(), pane);
                chip.setLocation(home.x(), home.y());
                pane.setLayer(chip, JLayeredPane.DEFAULT_LAYER, 0);
                pane.repaint();
                for (Widget w : dev.deskpilot.tasks.env.Scenes.all(scene)) {
                    if (w instanceof Widget.DropZone z
                            && new Rectangle(
                                            z.bounds().x(),
                                            z.bounds().y(),
                                            z.bounds().width(),
                                            z.bounds().height())
                                    .contains(p)) {
                        model.commit(spec.id() + "@" + z.id());
                        return;
                    }
                }
            }
        };
        chip.addMouseListener(drag);
        chip.addMouseMotionListener(drag);
        register(spec.id(), chip);
        return at(chip, spec.bounds());
    }

    private JComponent dropZone(Widget.DropZone spec) {
        Painted zone = new Painted((g, c) -> {
            int r = scene.theme().radius() * 2;
            g.setColor(look.accentSoft());
            g.fillRoundRect(0, 0, c.getWidth() - 1, c.getHeight() - 1, r, r);
            g.setColor(look.accent);
            g.setStroke(
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawRoundRect(1, 1, c.getWidth() - 3, c.getHeight() - 3, r, r);
            g.setColor(look.text);
            g.setFont(look.font(scene.theme().fontSize(), true));
            Look.textCentered(g, spec.label(), c.getWidth(), c.getHeight());
        });
        register(spec.id(), zone);
        return at(zone, spec.bounds());
    }

    private JComponent slider(Widget.Slider spec) {
        int[] value = {spec.value()};
        model.set(spec.id(), String.valueOf(value[0]));
        Rect b = spec.bounds();
        SliderGeometry geo = SliderGeometry.of(spec);
        int r = SliderGeometry.THUMB_RADIUS;
        Painted p = new Painted((g, c) -> {
            int x0 = geo.x0() - b.x();
            int x1 = geo.x1() - b.x();
            int cy = geo.y() - b.y();
            int tx = geo.xOf(value[0]) - b.x();
            g.setColor(Look.mix(look.window, look.text, 0.2));
            g.fillRoundRect(x0, cy - 2, x1 - x0, 4, 4, 4);
            g.setColor(look.accent);
            g.fillRoundRect(x0, cy - 2, tx - x0, 4, 4, 4);
            g.setColor(look.field);
            g.fillOval(tx - r, cy - r, 2 * r, 2 * r);
            g.setColor(look.accent);
            g.setStroke(new BasicStroke(2.5f));
            g.drawOval(tx - r + 1, cy - r + 1, 2 * r - 2, 2 * r - 2);
            g.setColor(look.text);
            g.setFont(look.font(scene.theme().fontSize(), true));
            String text = String.valueOf(value[0]);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(text, c.getWidth() - SliderGeometry.VALUE_BOX + 10, cy - fm.getHeight() / 2 + fm.getAscent());
        });
        Painted thumb = new Painted((g, c) -> {});
        MouseAdapter mouse = new MouseAdapter() {
            private int grab;

            private void set(int x) {
                if (!model.frozen()) {
                    value[0] = geo.valueAt(x);
                    model.set(spec.id(), String.valueOf(value[0]));
                    thumb.setLocation(geo.xOf(value[0]) - b.x() - r, geo.y() - b.y() - r);
                    p.repaint();
                }
            }

            @Override
            public void mousePressed(MouseEvent e) {
                int x = e.getX() + b.x();
                int tx = geo.xOf(value[0]);
                grab = Math.abs(x - tx) <= r + 2 ? x - tx : 0;
                if (x - grab != tx) {
                    set(x - grab);
                }
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                set(e.getX() + b.x() - grab);
            }
        };
        p.addMouseListener(mouse);
        p.addMouseMotionListener(mouse);
        // The thumb is a locatable part that follows the value; it takes no input itself.
        thumb.setBounds(geo.xOf(value[0]) - b.x() - r, geo.y() - b.y() - r, 2 * r, 2 * r);
        p.setLayout(null);
        p.add(thumb);
        register(spec.id(), p);
        register(spec.id() + "#thumb", thumb);
        return at(p, spec.bounds());
    }

    private List<JComponent> spinner(Widget.Spinner spec) {
        Rect b = spec.bounds();
        int arrows = Math.max(18, b.height() * 2 / 3);
        int size = Math.min(scene.theme().fontSize(), b.height() - 10);
        FieldView[] field = new FieldView[1];
        field[0] = new FieldView(look, "", String.valueOf(spec.value()), false, size, () -> {
            if (field[0] != null) {
                model.set(spec.id(), field[0].value().strip());
            }
        });
        model.set(spec.id(), String.valueOf(spec.value()));
        at(field[0], new Rect(b.x(), b.y(), b.width() - arrows, b.height()));
        List<JComponent> all = new ArrayList<>(List.of(field[0]));
        for (int dir : new int[] {1, -1}) {
            int h = dir > 0 ? b.height() / 2 : b.height() - b.height() / 2;
            int y = dir > 0 ? b.y() : b.y() + b.height() / 2;
            Painted arrow = new Painted((g, c) -> {
                g.setColor(Look.mix(look.window, look.text, 0.1));
                g.fillRect(0, 0, c.getWidth(), c.getHeight());
                g.setColor(look.border);
                g.drawRect(0, 0, c.getWidth() - 1, c.getHeight() - 1);
                g.setColor(look.text);
                int ax = c.getWidth() / 2;
                int ay = c.getHeight() / 2;
                g.fillPolygon(
                        new int[] {ax - 5, ax + 5, ax},
                        dir > 0 ? new int[] {ay + 3, ay + 3, ay - 3} : new int[] {ay - 3, ay - 3, ay + 3},
                        3);
            });
            Clicks.onClick(arrow, () -> {
                if (model.frozen()) {
                    return;
                }
                int v;
                try {
                    v = Integer.parseInt(field[0].value().strip());
                } catch (NumberFormatException e) {
                    v = spec.value();
                }
                field[0].setText(String.valueOf(Math.max(spec.min(), Math.min(spec.max(), v + dir))));
            });
            register(
                    spec.id() + (dir > 0 ? "#up" : "#down"),
                    at(arrow, new Rect(b.x() + b.width() - arrows, y, arrows, h)));
            all.add(arrow);
        }
        register(spec.id(), field[0]);
        return all;
    }
}
