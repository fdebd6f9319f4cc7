package dev.deskpilot.policy;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import dev.deskpilot.actions.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes UI-TARS action text for one image: the desktop action space of UI-TARS 1.0 and
 * 1.5 in every coordinate convention. Points in {@link Action}s are pixels of {@link #imageSize()},
 * the image the policy looked at; {@link dev.deskpilot.actions.CoordinateMapper} takes them to the
 * screen.
 *
 * <h2>Reading</h2>
 *
 * <p>A reply is optional {@code Thought:}, {@code Reflection:} and {@code Action_Summary:} sections
 * (each may span lines), then {@code Action:} (or {@code Action：}) followed by one or more calls,
 * each on its own line, blank lines allowed between them. Each call takes keyword arguments only:
 *
 * <ul>
 *   <li>{@code click}, {@code left_double}, {@code right_single}: {@code start_box} or {@code point}
 *   <li>{@code drag}: {@code start_box} or {@code start_point}, and {@code end_box} or {@code
 *       end_point}
 *   <li>{@code scroll}: {@code start_box} or {@code point}, {@code direction} ({@code up}, {@code
 *       down}, {@code left}, {@code right}), and deskpilot's optional {@code amount} (wheel notches,
 *       default {@value Action.Scroll#DEFAULT_AMOUNT})
 *   <li>{@code type}: {@code content}; a trailing {@code \n} means "then press Enter"
 *   <li>{@code hotkey}: {@code key}, up to three key names separated by spaces, read in lowercase
 *   <li>{@code finished}: optional {@code content} (empty when absent)
 *   <li>{@code wait}, {@code call_user}: none
 * </ul>
 *
 * <p>Strings are Python literals in single or double quotes with the escapes {@code \\ \' \" \n \t
 * \r}; {@code content}, {@code key} and {@code direction} must be quoted. A coordinate is written as
 * {@code (x,y)}, {@code <|box_start|>(x,y)<|box_end|>}, {@code <point>x y</point>}, or a box {@code
 * (x1,y1,x2,y2)}, {@code [x1,y1,x2,y2]} or {@code <bbox>x1 y1 x2 y2</bbox>} meaning its centre,
 * quoted or not; numbers may have decimals. Every number must lie inside the image in the grammar's
 * convention. Anything else is an {@link ActionSyntaxException}: a reply gives all its actions or
 * none.
 *
 * <h2>Writing</h2>
 *
 * <p>{@link #format(Action)} writes UI-TARS-1.5's desktop form, as in its computer-use prompt: every
 * point as {@code start_box='<|box_start|>(x,y)<|box_end|>'} (and {@code end_box} for a drag),
 * strings single-quoted, {@code finished} always with {@code content}, {@code amount} only when it
 * is not the default. For example {@code click(start_box='<|box_start|>(451,553)<|box_end|>')},
 * {@code scroll(start_box='<|box_start|>(10,20)<|box_end|>', direction='down')}, {@code
 * hotkey(key='ctrl c')}, {@code type(content='hello\n')}. Numbers follow {@link
 * CoordinateConvention#format}. Whatever {@code format} writes, {@code parse} reads back to the same
 * action, up to the convention's precision.
 */
public final class ActionGrammar {

    private enum Verb {
        CLICK("click"),
        LEFT_DOUBLE("left_double"),
        RIGHT_SINGLE("right_single"),
        DRAG("drag"),
        SCROLL("scroll"),
        TYPE("type"),
        HOTKEY("hotkey"),
        WAIT("wait"),
        FINISHED("finished"),
        CALL_USER("call_user");

        final String word;

        Verb(String word) {
            this.word = word;
        }

        static Verb of(String word) {
            for (Verb v : values()) {
                if (v.word.equals(word)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown action '" + word + "'");
        }
    }

    private static final Set<String> VERBS =
            Arrays.stream(Verb.values()).map(v -> v.word).collect(Collectors.toCollection(LinkedHashSet::new));
    private static final int MAX_HOTKEY_KEYS = 3;

    private final CoordinateConvention convention;
    private final Size imageSize;

    /** A grammar whose coordinates are written in {@code convention} for an image of {@code imageSize}. */
    public ActionGrammar(CoordinateConvention convention, Size imageSize) {
        this.convention = Objects.requireNonNull(convention, "convention");
        this.imageSize = Objects.requireNonNull(imageSize, "imageSize");
    }

    public CoordinateConvention convention() {
        return convention;
    }

    /** The image whose pixels the actions' points are in. */
    public Size imageSize() {
        return imageSize;
    }

    /**
     * Reads a whole reply.
     *
     * @throws ActionSyntaxException with a one-line message naming the problem and where it is
     */
    public Reply parse(String text) throws ActionSyntaxException {
        ReplySections sections = ReplySections.split(text);
        List<Action> actions = new ArrayList<>();
        for (Call call : CallReader.read(sections.actionText(), VERBS)) {
            actions.add(bind(call));
        }
        return new Reply(sections.thought(), sections.reflection(), sections.summary(), actions);
    }

    /**
     * Writes one action in the canonical form described above.
     *
     * @throws IllegalArgumentException if one of its points lies outside the image
     */
    public String format(Action action) {
        return switch (action) {
            case Action.Click c -> c.verb() + "(start_box=" + box(c.at()) + ")";
            case Action.DoubleClick d -> d.verb() + "(start_box=" + box(d.at()) + ")";
            case Action.RightClick r -> r.verb() + "(start_box=" + box(r.at()) + ")";
            case Action.Drag d -> d.verb() + "(start_box=" + box(d.from()) + ", end_box=" + box(d.to()) + ")";
            case Action.Scroll s ->
                s.verb() + "(start_box=" + box(s.at()) + ", direction="
                        + PythonString.quote(s.direction().word())
                        + (s.amount() == Action.Scroll.DEFAULT_AMOUNT ? "" : ", amount=" + s.amount()) + ")";
            case Action.TypeText t -> t.verb() + "(content=" + PythonString.quote(t.text()) + ")";
            case Action.Hotkey h ->
                h.verb() + "(key="
                        + PythonString.quote(String.join(" ", h.keys()).toLowerCase(Locale.ROOT)) + ")";
            case Action.Wait w -> w.verb() + "()";
            case Action.Finished f -> f.verb() + "(content=" + PythonString.quote(f.content()) + ")";
            case Action.CallUser c -> c.verb() + "()";
        };
    }

    /**
     * Writes a reply: a {@code Thought:}, {@code Reflection:} and {@code Action_Summary:} line for each
     * non-empty section, in that order, then {@code Action: } and the actions separated by blank
     * lines, e.g. {@code "Thought: Open the menu.\nAction: click(start_box='…')"}.
     *
     * @throws IllegalArgumentException if a section has a line that would read as a section label,
     *     or a point lies outside the image
     */
    public String format(Reply reply) {
        StringBuilder out = new StringBuilder();
        section(out, ReplySections.Label.THOUGHT, reply.thought());
        section(out, ReplySections.Label.REFLECTION, reply.reflection());
        section(out, ReplySections.Label.SUMMARY, reply.summary());
        out.append(ReplySections.Label.ACTION.heading()).append(' ');
        out.append(reply.actions().stream().map(this::format).collect(Collectors.joining("\n\n")));
        return out.toString();
    }

    private static void section(StringBuilder out, ReplySections.Label label, String text) {
        if (text.isEmpty()) {
            return;
        }
        text.lines()
                .forEach(line -> ReplySections.labelAt(line).ifPresent(l -> {
                    throw new IllegalArgumentException(label.word + " has a line starting with '" + l.heading()
                            + "', which would read as a new section: '" + Snippets.of(line) + "'");
                }));
        out.append(label.heading()).append(' ').append(text).append('\n');
    }

    private String box(Point p) {
        return "'<|box_start|>(" + convention.format(p, imageSize) + ")<|box_end|>'";
    }

    private Action bind(Call call) throws ActionSyntaxException {
        return switch (Verb.of(call.verb())) {
            case CLICK -> {
                accept(call, "start_box", "point");
                yield new Action.Click(point(call, "start_box", "point"));
            }
            case LEFT_DOUBLE -> {
                accept(call, "start_box", "point");
                yield new Action.DoubleClick(point(call, "start_box", "point"));
            }
            case RIGHT_SINGLE -> {
                accept(call, "start_box", "point");
                yield new Action.RightClick(point(call, "start_box", "point"));
            }
            case DRAG -> {
                accept(call, "start_box", "start_point", "end_box", "end_point");
                yield new Action.Drag(point(call, "start_box", "start_point"), point(call, "end_box", "end_point"));
            }
            case SCROLL -> {
                accept(call, "start_box", "point", "direction", "amount");
                yield new Action.Scroll(point(call, "start_box", "point"), direction(call), amount(call));
            }
            case TYPE -> {
                accept(call, "content");
                yield new Action.TypeText(requiredString(call, "content"));
            }
            case HOTKEY -> {
                accept(call, "key");
                yield new Action.Hotkey(keys(call));
            }
            case WAIT -> {
                accept(call);
                yield new Action.Wait();
            }
            case FINISHED -> {
                accept(call, "content");
                yield new Action.Finished(call.args().containsKey("content") ? requiredString(call, "content") : "");
            }
            case CALL_USER -> {
                accept(call);
                yield new Action.CallUser();
            }
        };
    }

    /** Rejects any argument not in {@code names}. */
    private static void accept(Call call, String... names) throws ActionSyntaxException {
        List<String> accepted = List.of(names);
        for (String name : call.args().keySet()) {
            if (!accepted.contains(name)) {
                throw new ActionSyntaxException(call.where() + ": unknown argument '" + name + "' ("
                        + (accepted.isEmpty() ? call.verb() + " takes no arguments" : "accepted: " + accepted) + ")");
            }
        }
    }

    /** The point given by exactly one of two argument names that mean the same. */
    private Point point(Call call, String name, String alias) throws ActionSyntaxException {
        Call.Value byName = call.args().get(name);
        Call.Value byAlias = call.args().get(alias);
        if (byName != null && byAlias != null) {
            throw new ActionSyntaxException(call.where() + ": give either " + name + " or " + alias + ", not both");
        }
        if (byName == null && byAlias == null) {
            throw new ActionSyntaxException(
                    call.where() + ": missing coordinates, expected " + name + "=… (or " + alias + "=…)");
        }
        String used = byName != null ? name : alias;
        String text = (byName != null ? byName : byAlias).text();
        String where = call.where() + ": " + used + " '" + Snippets.of(text) + "'";
        GrammarPoint written;
        try {
            written = GrammarPoint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ActionSyntaxException(where + " is malformed: " + e.getMessage(), e);
        }
        for (int i = 0; i < written.corners().size(); i++) {
            int length = i % 2 == 0 ? imageSize.width() : imageSize.height();
            double number = written.corners().get(i);
            if (!convention.inRange(number, length)) {
                throw new ActionSyntaxException(where + " is outside the " + imageSize + " image: "
                        + (i % 2 == 0 ? "x " : "y ") + convention.formatNumber(number) + " is not in 0.."
                        + convention.formatNumber(convention.limit(length)) + " (" + convention + ")");
            }
        }
        return convention.toPixel(written.x(), written.y(), imageSize);
    }

    private static ScrollDirection direction(Call call) throws ActionSyntaxException {
        String word = requiredString(call, "direction");
        try {
            return ScrollDirection.fromWord(word);
        } catch (IllegalArgumentException e) {
            throw new ActionSyntaxException(
                    call.where() + ": direction must be up, down, left or right, was '" + Snippets.of(word) + "'", e);
        }
    }

    private static int amount(Call call) throws ActionSyntaxException {
        Call.Value value = call.args().get("amount");
        if (value == null) {
            return Action.Scroll.DEFAULT_AMOUNT;
        }
        String text = value.text().strip();
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < 1) {
            throw new ActionSyntaxException(
                    call.where() + ": amount must be a whole number of notches, at least 1, was '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static List<String> keys(Call call) throws ActionSyntaxException {
        String text = requiredString(call, "key").strip();
        if (text.isEmpty()) {
            throw new ActionSyntaxException(call.where() + ": key is empty; name one to three keys, e.g. 'ctrl c'");
        }
        List<String> keys = List.of(text.toLowerCase(Locale.ROOT).split("\\s+"));
        if (keys.size() > MAX_HOTKEY_KEYS) {
            throw new ActionSyntaxException(call.where() + ": key '" + Snippets.of(text) + "' has " + keys.size()
                    + " keys; a hotkey presses at most " + MAX_HOTKEY_KEYS);
        }
        return keys;
    }

    private static String requiredString(Call call, String name) throws ActionSyntaxException {
        Call.Value value = call.args().get(name);
        if (value == null) {
            throw new ActionSyntaxException(call.where() + ": missing " + name + "='…'");
        }
        if (!value.quoted()) {
            throw new ActionSyntaxException(
                    call.where() + ": " + name + " must be a quoted string, was " + Snippets.of(value.text()));
        }
        return value.text();
    }
}
