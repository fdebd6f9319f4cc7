package dev.deskpilot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import dev.deskpilot.actions.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("UI-TARS action grammar round trip")
class ActionGrammarRoundTripTest {

    /** One action of every kind, with points inside an 800x600 image. */
    static List<Action> everyKind() {
        Point p = new Point(123, 456);
        return List.of(
                new Action.Click(p),
                new Action.DoubleClick(new Point(0, 0)),
                new Action.RightClick(new Point(799, 599)),
                new Action.Drag(p, new Point(700, 10)),
                new Action.Scroll(p, ScrollDirection.DOWN),
                new Action.Scroll(p, ScrollDirection.RIGHT, 17),
                new Action.TypeText("It's \"quoted\", a \\ backslash, a tab\tand Enter\n"),
                new Action.TypeText(""),
                new Action.Hotkey(List.of("ctrl", "shift", "t")),
                new Action.Wait(),
                new Action.Finished("The answer is 42."),
                new Action.Finished(""),
                new Action.CallUser());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CoordinateConvention.class)
    @DisplayName("format then parse gives back every kind of action")
    void everyKindEveryConvention(CoordinateConvention convention) throws Exception {
        // 800x600 fits the 0-1000 grid, so every pixel is representable in every convention
        var grammar = new ActionGrammar(convention, new Size(800, 600));
        for (Action action : everyKind()) {
            String text = grammar.format(action);
            assertEquals(List.of(action), grammar.parse("Action: " + text).actions(), text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CoordinateConvention.class)
    @DisplayName("format then parse gives back a whole reply with all sections")
    void wholeReply(CoordinateConvention convention) throws Exception {
        var grammar = new ActionGrammar(convention, new Size(800, 600));
        var reply =
                new Reply("Look at the list.\nThen pick one.", "The last click missed.", "Click item 2.", everyKind());
        assertEquals(reply, grammar.parse(grammar.format(reply)));
    }

    @Test
    @DisplayName("random actions survive format then parse in every convention (seeded property test)")
    void randomActions() throws Exception {
        Random random = new Random(20250101);
        for (int i = 0; i < 3000; i++) {
            CoordinateConvention convention = CoordinateConvention.values()[i % 3];
            Size image = new Size(28 + random.nextInt(3000), 28 + random.nextInt(3000));
            var grammar = new ActionGrammar(convention, image);
            Reply reply = randomReply(random, image);
            String text = grammar.format(reply);
            Reply back = grammar.parse(text);
            boolean exact = convention != CoordinateConvention.RELATIVE_1000
                    || (image.width() <= 1000 && image.height() <= 1000);
            if (exact) {
                assertEquals(reply, back, text);
            } else {
                // the 0-1000 grid is coarser than the image: points move by at most half a grid step,
                // and what was read writes back to the same text
                assertEquals(text, grammar.format(back));
                assertEquals(reply.thought(), back.thought());
                for (int a = 0; a < reply.actions().size(); a++) {
                    assertClose(reply.actions().get(a), back.actions().get(a), image, text);
                }
            }
        }
    }

    @Test
    @DisplayName("a damaged reply either parses or throws ActionSyntaxException, never anything else")
    void damagedReplies() {
        Random random = new Random(99);
        String alphabet = "()[]<>'\",=\\\n _abc019.-:|";
        int rejected = 0;
        for (int i = 0; i < 5000; i++) {
            Size image = new Size(100 + random.nextInt(2000), 100 + random.nextInt(2000));
            var grammar = new ActionGrammar(CoordinateConvention.values()[i % 3], image);
            StringBuilder text = new StringBuilder(grammar.format(randomReply(random, image)));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                if (random.nextBoolean()) {
                    text.deleteCharAt(at);
                } else {
                    text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                grammar.parse(text.toString());
            } catch (ActionSyntaxException e) {
                rejected++;
                assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e::getMessage);
            }
        }
        assertTrue(rejected > 1000, "most damaged replies should be rejected, were " + rejected);
    }

    static Reply randomReply(Random random, Size image) {
        List<Action> actions = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            actions.add(randomAction(random, image));
        }
        return new Reply(randomWords(random), random.nextInt(4) == 0 ? randomWords(random) : "", "", actions);
    }

    static Action randomAction(Random random, Size image) {
        return switch (random.nextInt(10)) {
            case 0 -> new Action.Click(randomPoint(random, image));
            case 1 -> new Action.DoubleClick(randomPoint(random, image));
            case 2 -> new Action.RightClick(randomPoint(random, image));
            case 3 -> new Action.Drag(randomPoint(random, image), randomPoint(random, image));
            case 4 ->
                new Action.Scroll(
                        randomPoint(random, image),
                        ScrollDirection.values()[random.nextInt(4)],
                        random.nextBoolean() ? Action.Scroll.DEFAULT_AMOUNT : 1 + random.nextInt(30));
            case 5 -> new Action.TypeText(randomText(random));
            case 6 -> {
                String[] names = {"ctrl", "shift", "alt", "super", "c", "v", "enter", "tab", "f5", "arrowleft"};
                List<String> keys = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    keys.add(names[random.nextInt(names.length)]);
                }
                yield new Action.Hotkey(keys);
            }
            case 7 -> new Action.Wait();
            case 8 -> new Action.Finished(randomText(random));
            default -> new Action.CallUser();
        };
    }

    static Point randomPoint(Random random, Size image) {
        return new Point(random.nextInt(image.width()), random.nextInt(image.height()));
    }

    static String randomText(Random random) {
        String alphabet = "abcXYZ 019'\"\\\n\t,()=<>[]|_é漢:";
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(25); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static String randomWords(Random random) {
        String[] words = {"open", "the", "File", "menu", "Action", "click:", "then", "save.", "\n", "Thought"};
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            s.append(words[random.nextInt(words.length)]).append(' ');
        }
        // a line may not start with a section label, or it would start a new section when read back
        return s.toString().replaceAll("\n (Action|Thought)", "\n$1s");
    }

    static void assertClose(Action expected, Action actual, Size image, String text) {
        List<Point> e = points(expected);
        List<Point> a = points(actual);
        assertEquals(e.size(), a.size(), text);
        assertEquals(expected.verb(), actual.verb(), text);
        for (int i = 0; i < e.size(); i++) {
            assertTrue(Math.abs(e.get(i).x() - a.get(i).x()) <= image.width() / 2000.0 + 0.5, text);
            assertTrue(Math.abs(e.get(i).y() - a.get(i).y()) <= image.height() / 2000.0 + 0.5, text);
        }
    }

    static List<Point> points(Action action) {
        return switch (action) {
            case Action.Click c -> List.of(c.at());
            case Action.DoubleClick d -> List.of(d.at());
            case Action.RightClick r -> List.of(r.at());
            case Action.Drag d -> List.of(d.from(), d.to());
            case Action.Scroll s -> List.of(s.at());
            case Action.TypeText t -> List.of();
            case Action.Hotkey h -> List.of();
            case Action.Wait w -> List.of();
            case Action.Finished f -> List.of();
            case Action.CallUser c -> List.of();
        };
    }
}
