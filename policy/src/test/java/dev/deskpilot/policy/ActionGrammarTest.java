package dev.deskpilot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.ScrollDirection;
import dev.deskpilot.actions.Size;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("UI-TARS action grammar")
class ActionGrammarTest {
    static final Size IMAGE = new Size(1932, 1092);
    final ActionGrammar grammar = new ActionGrammar(CoordinateConvention.ABSOLUTE, IMAGE);

    Action only(String reply) throws ActionSyntaxException {
        List<Action> actions = grammar.parse(reply).actions();
        assertEquals(1, actions.size(), () -> "actions of " + reply);
        return actions.getFirst();
    }

    @Nested
    @DisplayName("reading coordinates")
    class Coordinates {
        @ParameterizedTest(name = "{0}")
        @DisplayName("reads every coordinate form as the same point, boxes as their centre")
        @ValueSource(
                strings = {
                    "click(start_box='(100,200)')",
                    "click(start_box='( 100 , 200 )')",
                    "click(start_box='<|box_start|>(100,200)<|box_end|>')",
                    "click(start_box='[90,190,110,210]')",
                    "click(start_box='[90, 190, 110, 210]')",
                    "click(start_box='(90,190,110,210)')",
                    "click(start_box='<|box_start|>(90,190,110,210)<|box_end|>')",
                    "click(start_box='<|box_start|>[90,190,110,210]<|box_end|>')",
                    "click(point='<point>100 200</point>')",
                    "click(start_box='<bbox>90 190 110 210</bbox>')",
                    "click(start_box=\"(100,200)\")",
                    "click(start_box=(100,200))",
                    "click(point=<point>100 200</point>)",
                    "click(start_box=<bbox>90 190 110 210</bbox>)",
                    "click(start_box=<|box_start|>(100,200)<|box_end|>)",
                    "click(start_box='(99.6,200.4)')",
                    "click( start_box = '(100,200)' , )",
                })
        void forms(String action) throws Exception {
            assertEquals(new Action.Click(new Point(100, 200)), only("Action: " + action));
        }

        @Test
        @DisplayName("reads decimal normalised coordinates")
        void normalisedDecimals() throws Exception {
            var normalised = new ActionGrammar(CoordinateConvention.NORMALIZED, new Size(1000, 500));
            assertEquals(
                    List.of(new Action.Click(new Point(250, 375))),
                    normalised.parse("Action: click(start_box='(0.25,.75)')").actions());
        }
    }

    @Nested
    @DisplayName("reading actions")
    class Actions {
        @Test
        @DisplayName("reads double and right clicks")
        void clicks() throws Exception {
            assertEquals(new Action.DoubleClick(new Point(5, 6)), only("Action: left_double(start_box='(5,6)')"));
            assertEquals(
                    new Action.RightClick(new Point(5, 6)), only("Action: right_single(point='<point>5 6</point>')"));
        }

        @Test
        @DisplayName("reads drags given as boxes or as points")
        void drags() throws Exception {
            var expected = new Action.Drag(new Point(10, 20), new Point(300, 400));
            assertEquals(expected, only("Action: drag(start_box='(10,20)', end_box='(300,400)')"));
            assertEquals(
                    expected,
                    only("Action: drag(start_point='<point>10 20</point>', end_point='<point>300 400</point>')"));
        }

        @Test
        @DisplayName("reads scrolls with UI-TARS's default of 5 notches or deskpilot's amount")
        void scrolls() throws Exception {
            assertEquals(
                    new Action.Scroll(new Point(50, 60), ScrollDirection.DOWN, 5),
                    only("Action: scroll(start_box='(50,60)', direction='down')"));
            assertEquals(
                    new Action.Scroll(new Point(50, 60), ScrollDirection.LEFT, 2),
                    only("Action: scroll(point='<point>50 60</point>', direction='left', amount=2)"));
            assertEquals(
                    new Action.Scroll(new Point(50, 60), ScrollDirection.UP, 12),
                    only("Action: scroll(direction='up', start_box='(50,60)', amount='12')"));
        }

        @Test
        @DisplayName("reads type content with escapes, and a trailing \\n as 'press Enter'")
        void typeEscapes() throws Exception {
            Action typed = only("Action: type(content='It\\'s a \\\"test\\\" \\\\ done\\n')");
            assertEquals(new Action.TypeText("It's a \"test\" \\ done\n"), typed);
            assertTrue(((Action.TypeText) typed).submits());
            assertEquals(new Action.TypeText("two\nlines"), only("Action: type(content=\"two\\nlines\")"));
            assertEquals(new Action.TypeText("C:\\dir"), only("Action: type(content='C:\\dir')"));
        }

        @Test
        @DisplayName("reads an unescaped apostrophe inside a word, as models write it")
        void apostrophe() throws Exception {
            assertEquals(new Action.TypeText("It's Bob's"), only("Action: type(content='It's Bob's')"));
        }

        @Test
        @DisplayName("reads hotkeys split on spaces, in lowercase")
        void hotkeys() throws Exception {
            assertEquals(new Action.Hotkey(List.of("ctrl", "c")), only("Action: hotkey(key='ctrl c')"));
            assertEquals(new Action.Hotkey(List.of("ctrl", "shift", "t")), only("Action: hotkey(key='Ctrl  Shift T')"));
            assertEquals(new Action.Hotkey(List.of("enter")), only("Action: hotkey(key='enter')"));
        }

        @Test
        @DisplayName("reads wait, finished with or without content, and call_user")
        void terminalActions() throws Exception {
            assertEquals(new Action.Wait(), only("Action: wait()"));
            assertEquals(new Action.Finished(""), only("Action: finished()"));
            assertEquals(new Action.Finished("42 files"), only("Action: finished(content='42 files')"));
            assertEquals(new Action.CallUser(), only("Action: call_user()"));
        }
    }

    @Nested
    @DisplayName("reading replies")
    class Replies {
        @Test
        @DisplayName("reads a multi-line thought and the action after it")
        void thought() throws Exception {
            Reply reply = grammar.parse(
                    "Thought: The dialog is open.\nI will press OK, the Action: button.\n\nAction: click(start_box='(10,20)')\n");
            assertEquals("The dialog is open.\nI will press OK, the Action: button.", reply.thought());
            assertEquals("", reply.reflection());
            assertEquals(List.of(new Action.Click(new Point(10, 20))), reply.actions());
        }

        @Test
        @DisplayName("reads Reflection and Action_Summary")
        void reflection() throws Exception {
            Reply reply = grammar.parse(
                    "Reflection: The click missed the menu.\nAction_Summary: Click File again.\nAction: click(start_box='(1,2)')");
            assertEquals("The click missed the menu.", reply.reflection());
            assertEquals("Click File again.", reply.summary());
            assertEquals("", reply.thought());
        }

        @Test
        @DisplayName("reads a reply with only an Action_Summary")
        void summaryOnly() throws Exception {
            Reply reply = grammar.parse("Action_Summary: Wait for the page.\nAction: wait()");
            assertEquals("Wait for the page.", reply.summary());
            assertEquals(List.of(new Action.Wait()), reply.actions());
        }

        @Test
        @DisplayName("reads the full-width colon after Action and the action on the next line")
        void fullWidthColon() throws Exception {
            assertEquals(new Action.Wait(), only("Thought： 稍等\nAction：\nwait()"));
            assertEquals("稍等", grammar.parse("Thought： 稍等\nAction：wait()").thought());
        }

        @Test
        @DisplayName("reads several actions separated by blank lines or single line breaks")
        void severalActions() throws Exception {
            Reply reply = grammar.parse("Thought: Fill the field.\nAction: click(start_box='(10,20)')\n\n"
                    + "type(content='hello\\n')\nhotkey(key='ctrl s')\r\n\r\nfinished(content='saved')");
            assertEquals(
                    List.of(
                            new Action.Click(new Point(10, 20)),
                            new Action.TypeText("hello\n"),
                            new Action.Hotkey(List.of("ctrl", "s")),
                            new Action.Finished("saved")),
                    reply.actions());
        }
    }

    @Nested
    @DisplayName("rejecting malformed replies")
    class Malformed {
        void rejects(String reply, String expectedInMessage) {
            var e = assertThrows(ActionSyntaxException.class, () -> grammar.parse(reply), reply);
            assertTrue(e.getMessage().contains(expectedInMessage), e::getMessage);
            assertFalse(e.getMessage().contains("\n"), () -> "message must be one line: " + e.getMessage());
        }

        @Test
        @DisplayName("an unbalanced quote")
        void unbalancedQuote() {
            rejects("Action: click(start_box='(100,200))", "unbalanced quote");
            rejects("Action: type(content='abc)", "unbalanced quote");
        }

        @Test
        @DisplayName("a stray quote that would swallow the next action")
        void strayQuote() {
            rejects("Action: type(content='abc'\nclick(start_box='(1,2)')", "stray quote");
        }

        @Test
        @DisplayName("an unknown action, naming it")
        void unknownVerb() {
            rejects("Action: tap(start_box='(1,2)')", "unknown action 'tap'");
            rejects("Action: long_press(start_box='(1,2)')", "long_press");
        }

        @Test
        @DisplayName("missing coordinates")
        void missingCoordinates() {
            rejects("Action: click()", "missing coordinates");
            rejects("Action: drag(start_box='(1,2)')", "end_box");
            rejects("Action: scroll(direction='down')", "missing coordinates");
        }

        @Test
        @DisplayName("malformed coordinates")
        void malformedCoordinates() {
            rejects("Action: click(start_box='')", "malformed");
            rejects("Action: click(start_box='(100)')", "found 1");
            rejects("Action: click(start_box='(1,2,3)')", "found 3");
            rejects("Action: click(start_box='(a,b)')", "'a' is not a number");
            rejects("Action: click(point='<point>1 2 3</point>')", "two numbers");
            rejects("Action: click(start_box='<|box_start|>(1,2)')", "<|box_end|>");
            rejects("Action: click(start_box=(1,2)", "expected ',' or ')'");
        }

        @Test
        @DisplayName("coordinates outside the image, in every convention")
        void outsideImage() {
            rejects("Action: click(start_box='(2000,50)')", "outside the 1932x1092 image");
            rejects("Action: click(start_box='(50,1093)')", "y 1093 is not in 0..1092");
            rejects("Action: click(start_box='(-5,50)')", "x -5");
            rejects("Action: drag(start_box='(1,2)', end_box='[1,2,3000,4]')", "end_box");
            var relative = new ActionGrammar(CoordinateConvention.RELATIVE_1000, IMAGE);
            var e = assertThrows(
                    ActionSyntaxException.class, () -> relative.parse("Action: click(start_box='(1001,5)')"));
            assertTrue(e.getMessage().contains("x 1001 is not in 0..1000"), e::getMessage);
            var normalised = new ActionGrammar(CoordinateConvention.NORMALIZED, IMAGE);
            assertThrows(ActionSyntaxException.class, () -> normalised.parse("Action: click(start_box='(1.2,0.5)')"));
        }

        @Test
        @DisplayName("a hotkey with four keys, or none")
        void hotkeyKeys() {
            rejects("Action: hotkey(key='ctrl shift alt t')", "4 keys");
            rejects("Action: hotkey(key=' ')", "key is empty");
        }

        @Test
        @DisplayName("a reply without Action:")
        void noAction() {
            rejects("Thought: I should click OK.\nclick(start_box='(1,2)')", "no 'Action:'");
            rejects("click(start_box='(1,2)')", "outside any section");
            rejects("", "no 'Action:'");
            rejects("Thought: done\nAction:   \n", "nothing follows 'Action:'");
        }

        @Test
        @DisplayName("unknown or repeated keyword arguments, and positional ones")
        void arguments() {
            rejects("Action: click(start_box='(1,2)', button='left')", "unknown argument 'button'");
            rejects("Action: wait(seconds=5)", "wait takes no arguments");
            rejects("Action: click(start_box='(1,2)', point='(1,2)')", "not both");
            rejects("Action: click(start_box='(1,2)', start_box='(1,2)')", "given twice");
            rejects("Action: click('(1,2)')", "keyword argument");
        }

        @Test
        @DisplayName("bad argument values")
        void values() {
            rejects("Action: scroll(start_box='(1,2)', direction='sideways')", "up, down, left or right");
            rejects("Action: scroll(start_box='(1,2)', direction='down', amount=0)", "amount");
            rejects("Action: scroll(start_box='(1,2)', direction='down', amount=2.5)", "amount");
            rejects("Action: type(content=hello)", "quoted");
            rejects("Action: type()", "missing content");
        }

        @Test
        @DisplayName("two actions on one line, or text after the last action")
        void layout() {
            rejects("Action: click(start_box='(1,2)') click(start_box='(3,4)')", "line break");
            rejects("Action: wait()\nThought: more", "unknown action 'Thought'");
        }

        @Test
        @DisplayName("text before the first section, or a section given twice")
        void sections() {
            rejects("I will click.\nAction: wait()", "outside any section");
            rejects("Thought: a\nThought: b\nAction: wait()", "repeats 'Thought:'");
        }

        @Test
        @DisplayName("a bad second action, giving no action at all")
        void noPartialReply() {
            rejects("Action: click(start_box='(1,2)')\n\ntap()", "action 2");
        }
    }

    @Nested
    @DisplayName("writing")
    class Writing {
        @Test
        @DisplayName("writes UI-TARS-1.5's canonical desktop form for every action")
        void canonicalForms() {
            var w = new ActionGrammar(CoordinateConvention.ABSOLUTE, IMAGE);
            Point p = new Point(451, 553);
            assertEquals("click(start_box='<|box_start|>(451,553)<|box_end|>')", w.format(new Action.Click(p)));
            assertEquals(
                    "left_double(start_box='<|box_start|>(451,553)<|box_end|>')", w.format(new Action.DoubleClick(p)));
            assertEquals(
                    "right_single(start_box='<|box_start|>(451,553)<|box_end|>')", w.format(new Action.RightClick(p)));
            assertEquals(
                    "drag(start_box='<|box_start|>(451,553)<|box_end|>', end_box='<|box_start|>(0,1)<|box_end|>')",
                    w.format(new Action.Drag(p, new Point(0, 1))));
            assertEquals(
                    "scroll(start_box='<|box_start|>(451,553)<|box_end|>', direction='down')",
                    w.format(new Action.Scroll(p, ScrollDirection.DOWN)));
            assertEquals(
                    "scroll(start_box='<|box_start|>(451,553)<|box_end|>', direction='up', amount=3)",
                    w.format(new Action.Scroll(p, ScrollDirection.UP, 3)));
            assertEquals("type(content='It\\'s\\n')", w.format(new Action.TypeText("It's\n")));
            assertEquals("hotkey(key='ctrl c')", w.format(new Action.Hotkey(List.of("ctrl", "c"))));
            assertEquals("wait()", w.format(new Action.Wait()));
            assertEquals("finished(content='')", w.format(new Action.Finished("")));
            assertEquals("call_user()", w.format(new Action.CallUser()));
        }

        @Test
        @DisplayName("writes each convention's numbers")
        void conventions() {
            Size screen = new Size(1920, 1080);
            var click = new Action.Click(new Point(960, 540));
            assertEquals(
                    "click(start_box='<|box_start|>(500,500)<|box_end|>')",
                    new ActionGrammar(CoordinateConvention.RELATIVE_1000, screen).format(click));
            assertEquals(
                    "click(start_box='<|box_start|>(0.5,0.5)<|box_end|>')",
                    new ActionGrammar(CoordinateConvention.NORMALIZED, screen).format(click));
        }

        @Test
        @DisplayName("writes a reply as Thought and Action lines, actions separated by blank lines")
        void reply() {
            var reply = new Reply("Open the menu.", List.of(new Action.Click(new Point(1, 2)), new Action.Wait()));
            assertEquals(
                    "Thought: Open the menu.\nAction: click(start_box='<|box_start|>(1,2)<|box_end|>')\n\nwait()",
                    grammar.format(reply));
            assertEquals("Action: wait()", grammar.format(new Reply("", List.of(new Action.Wait()))));
        }

        @Test
        @DisplayName("refuses to write what could not be read back")
        void refusesUnreadable() {
            assertThrows(IllegalArgumentException.class, () -> grammar.format(new Action.Click(new Point(1932, 0))));
            var e = assertThrows(
                    IllegalArgumentException.class,
                    () -> grammar.format(new Reply("first\nAction: sneaky", List.of(new Action.Wait()))));
            assertTrue(e.getMessage().contains("Action:"), e::getMessage);
        }
    }
}
