package dev.deskpilot.tasks.env;

import dev.deskpilot.actions.Rect;
import java.util.List;
import java.util.Objects;

/**
 * One element of a {@link Scene}: what it is, where it sits (in window pixels, the window's
 * top-left corner being (0,0)) and what it does. Every backend renders the same description, so a
 * family describes a task once. Ids are unique within a scene; they name the element in the
 * app's state and for the oracle, never for the agent, which sees only pixels.
 *
 * <p>State keys (see {@link Scene}): a text field's text, a check box's {@code true}/{@code
 * false}, a radio group's chosen radio id, a drop-down's or list's chosen item, a slider's or
 * spinner's value, a tab strip's shown tab id and a wizard's page number, each under its id; and
 * {@code committed}, the commit token of whatever ended the task. Committing widgets: buttons with
 * {@link Effect#COMMIT}, links, commit lists, menu leaves, drops and dialog buttons.
 */
public sealed interface Widget {
    String id();

    Rect bounds();

    /** How text is coloured and weighted. */
    enum Tone {
        NORMAL,
        MUTED,
        HEADING,
        ACCENT
    }

    /** Which kind of button: the primary action, an ordinary one, a destructive one, or a quiet text button. */
    enum Emphasis {
        PRIMARY,
        SECONDARY,
        DANGER,
        QUIET
    }

    /** What pressing a button does. */
    enum Effect {
        /** ends the task: the button's id becomes the {@code committed} token */
        COMMIT,
        /** nothing but a visible press (a decoy) */
        NONE,
        /** shows the next page of the scene's wizard */
        NEXT_PAGE,
        /** shows the previous page of the scene's wizard */
        PREVIOUS_PAGE
    }

    /** Static text on one line. */
    record Label(String id, Rect bounds, String text, int size, boolean bold, Tone tone) implements Widget {
        public Label {
            check(id, bounds);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(tone, "tone");
        }
    }

    /** A decorative card or panel drawn behind other widgets; {@code filled} uses the surface colour. */
    record Panel(String id, Rect bounds, boolean filled, boolean outlined) implements Widget {
        public Panel {
            check(id, bounds);
        }
    }

    /** A push button. */
    record Button(String id, Rect bounds, String label, Emphasis emphasis, Effect effect) implements Widget {
        public Button {
            check(id, bounds);
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(emphasis, "emphasis");
            Objects.requireNonNull(effect, "effect");
        }
    }

    /** Wrapped text with links; a link's id becomes the {@code committed} token when it is clicked. */
    record Paragraph(String id, Rect bounds, List<Span> spans, int size) implements Widget {
        public Paragraph {
            check(id, bounds);
            spans = List.copyOf(spans);
        }
    }

    /** Part of a paragraph: plain text (empty {@code linkId}) or a link. */
    record Span(String text, String linkId) {
        public Span {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(linkId, "linkId");
        }

        public boolean isLink() {
            return !linkId.isEmpty();
        }
    }

    /** A one-line text field; {@code password} hides what is typed. */
    record TextField(String id, Rect bounds, String placeholder, String initial, boolean password) implements Widget {
        public TextField {
            check(id, bounds);
            Objects.requireNonNull(placeholder, "placeholder");
            Objects.requireNonNull(initial, "initial");
        }
    }

    /** A check box with its label to the right; clicking the box or the label toggles it. */
    record CheckBox(String id, Rect bounds, String label, boolean checked) implements Widget {
        public CheckBox {
            check(id, bounds);
            Objects.requireNonNull(label, "label");
        }
    }

    /** One radio button of {@code group}; the group's state is the id of its chosen radio. */
    record Radio(String id, Rect bounds, String label, String group, boolean selected) implements Widget {
        public Radio {
            check(id, bounds);
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(group, "group");
        }
    }

    /**
     * A drop-down: a box showing the chosen option (or the placeholder); clicking it opens the
     * options below it (above, if they do not fit), each {@code bounds.height} tall, with ids
     * {@code id/0}, {@code id/1}, …; clicking one chooses it, clicking elsewhere closes them.
     */
    record Dropdown(String id, Rect bounds, String placeholder, List<String> options, int selected) implements Widget {
        public Dropdown {
            check(id, bounds);
            Objects.requireNonNull(placeholder, "placeholder");
            options = List.copyOf(options);
            if (selected < -1 || selected >= options.size()) {
                throw new IllegalArgumentException(
                        "selected must be -1.." + (options.size() - 1) + ", was " + selected);
            }
        }
    }

    /**
     * A list of rows {@code rowHeight} tall, ids {@code id/0}, {@code id/1}, …, that scrolls with
     * the wheel ({@code rowHeight} pixels a notch) when it holds more than fits. A {@code commits}
     * list ends the task when a row is clicked (token {@code id/k}); otherwise a click chooses the
     * row.
     */
    record ListBox(String id, Rect bounds, List<String> items, int rowHeight, int selected, boolean commits)
            implements Widget {
        public ListBox {
            check(id, bounds);
            items = List.copyOf(items);
            if (rowHeight < 8) {
                throw new IllegalArgumentException("rowHeight must be at least 8, was " + rowHeight);
            }
            if (selected < -1 || selected >= items.size()) {
                throw new IllegalArgumentException("selected must be -1.." + (items.size() - 1) + ", was " + selected);
            }
        }
    }

    /** A tab strip; only the shown tab's content is visible. {@code bounds} spans the strip. */
    record Tabs(String id, Rect bounds, List<Tab> tabs, int selected) implements Widget {
        public Tabs {
            check(id, bounds);
            tabs = List.copyOf(tabs);
            if (selected < 0 || selected >= tabs.size()) {
                throw new IllegalArgumentException("selected must be 0.." + (tabs.size() - 1) + ", was " + selected);
            }
        }
    }

    /** One tab: its handle in the strip and the widgets shown while it is chosen. */
    record Tab(String id, Rect bounds, String title, List<Widget> content) {
        public Tab {
            check(id, bounds);
            Objects.requireNonNull(title, "title");
            content = List.copyOf(content);
        }
    }

    /**
     * Pages shown one at a time, starting with the first; {@link Effect#NEXT_PAGE} and {@link
     * Effect#PREVIOUS_PAGE} buttons move between them. The state is the page number from 0.
     */
    record Wizard(String id, Rect bounds, List<List<Widget>> pages) implements Widget {
        public Wizard {
            check(id, bounds);
            pages = pages.stream().map(List::copyOf).toList();
            if (pages.isEmpty()) {
                throw new IllegalArgumentException("a wizard needs at least one page");
            }
        }
    }

    /** A modal dialog over a dimmed window: only its buttons (which commit) can be used. */
    record Dialog(String id, Rect bounds, String title, String message, List<Button> buttons) implements Widget {
        public Dialog {
            check(id, bounds);
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(message, "message");
            buttons = List.copyOf(buttons);
        }
    }

    /**
     * A menu bar. Clicking a menu's title opens its items below it ({@code itemWidth} wide, {@code
     * itemHeight} tall each); clicking an item with a submenu opens that to its right; clicking a
     * leaf ends the task with the leaf's id; clicking elsewhere closes the menus.
     */
    record MenuBar(String id, Rect bounds, List<Menu> menus, int itemWidth, int itemHeight) implements Widget {
        public MenuBar {
            check(id, bounds);
            menus = List.copyOf(menus);
        }
    }

    /** A menu: its title's place in the bar and its items. */
    record Menu(String id, Rect bounds, String title, List<MenuItem> items) {
        public Menu {
            check(id, bounds);
            Objects.requireNonNull(title, "title");
            items = List.copyOf(items);
        }
    }

    /** A menu item; one with a non-empty {@code submenu} opens it instead of ending the task. */
    record MenuItem(String id, String label, List<MenuItem> submenu) {
        public MenuItem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            submenu = List.copyOf(submenu);
        }
    }

    /** Something that can be dragged; dropped on a {@link DropZone} it ends the task with {@code item@zone}. */
    record DragItem(String id, Rect bounds, String label) implements Widget {
        public DragItem {
            check(id, bounds);
            Objects.requireNonNull(label, "label");
        }
    }

    /** Where {@link DragItem}s can be dropped. */
    record DropZone(String id, Rect bounds, String label) implements Widget {
        public DropZone {
            check(id, bounds);
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A horizontal slider from {@code min} to {@code max} with its value written at the right; see
     * {@link SliderGeometry} for where each value sits. Dragging the thumb, or pressing on the track,
     * sets the value.
     */
    record Slider(String id, Rect bounds, int min, int max, int value) implements Widget {
        public Slider {
            check(id, bounds);
            if (min >= max || value < min || value > max) {
                throw new IllegalArgumentException(
                        "slider needs min < max and min <= value <= max, was " + min + ", " + max + ", " + value);
            }
        }
    }

    /** A number field with up and down arrows ({@code id#up}, {@code id#down}); the field can be typed in too. */
    record Spinner(String id, Rect bounds, int min, int max, int value) implements Widget {
        public Spinner {
            check(id, bounds);
            if (min >= max || value < min || value > max) {
                throw new IllegalArgumentException(
                        "spinner needs min < max and min <= value <= max, was " + min + ", " + max + ", " + value);
            }
        }
    }

    private static void check(String id, Rect bounds) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bounds, "bounds");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a widget id must not be blank");
        }
    }
}
