package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Finding named text on a screen (ScreenText)")
class ScreenTextTest {
    static TextReader reader;

    @BeforeAll
    static void open() {
        reader = TextReader.open();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    /** A text painted at a place: {@code x} and the text's top {@code y}. */
    record Label(String text, int x, int y) {}

    /** Paints the labels, 16 px Dialog, black on white without antialiasing (as Swing draws under Xvfb). */
    static ScreenText screen(Label... labels) {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.DIALOG, Font.PLAIN, 16));
        for (Label l : labels) {
            g.drawString(l.text(), l.x(), l.y() + g.getFontMetrics().getAscent());
        }
        g.dispose();
        return ScreenText.read(reader, image);
    }

    static Label at(String text, int x, int y) {
        return new Label(text, x, y);
    }

    @Test
    @DisplayName("finds an exact text and gives the centre of its box")
    void exact() {
        ScreenText text = screen(at("Cancel", 40, 40), at("Submit", 300, 120));
        TextMatch m = text.find(TextTarget.of("Submit"));
        assertEquals("Submit", m.text());
        assertEquals(0, m.distance());
        assertTrue(new Rect(300, 120, 60, 22).contains(m.center()), () -> "centre " + m.center());
    }

    @Test
    @DisplayName(
            "ignores case, spacing (including spaces the reader dropped or added) and punctuation around the words read")
    void caseAndSpacing() {
        ScreenText text = screen(at("Sign in", 40, 40), at("Open recent", 40, 120), at("Name:", 40, 200));
        Point signIn = text.find(TextTarget.of("Sign in")).center();
        assertEquals(signIn, text.find(TextTarget.of("SIGN IN")).center());
        assertEquals(signIn, text.find(TextTarget.of("signin")).center());
        assertEquals(signIn, text.find(TextTarget.of("  sign   in ")).center());
        assertEquals(0, text.find(TextTarget.of("openRecent")).distance());
        assertEquals(
                0, text.find(TextTarget.of("Name")).distance(), "punctuation at the ends of the words read is ignored");
    }

    @Test
    @DisplayName("accepts one edit in a 4-8 letter text and two in a longer one, none in a short one")
    void editDistance() {
        ScreenText text = screen(at("Submit", 40, 40), at("Preferences", 40, 100), at("OK", 40, 160));
        assertEquals("Submit", text.find(TextTarget.of("Sudmit")).text());
        assertEquals(1, text.find(TextTarget.of("Sudmit")).distance());
        assertEquals("Preferences", text.find(TextTarget.of("Prefrences.")).text());
        assertThrows(TextNotFoundException.class, () -> text.find(TextTarget.of("Sbmt")));
        assertEquals("OK", text.find(TextTarget.of("ok")).text());
        assertFalse(text.shows(TextTarget.of("OX")), "a two-letter text must match exactly");
    }

    @Test
    @DisplayName("does not take a word with letters added or missing at one end for the target (Save is not Saved)")
    void otherWords() {
        ScreenText text = screen(at("Save", 40, 40), at("Reopen", 40, 120));
        assertFalse(text.shows(TextTarget.of("Saved")), "a Save button must not satisfy a wait for Saved");
        assertFalse(text.shows(TextTarget.of("Open")));
        TextNotFoundException e = assertThrows(TextNotFoundException.class, () -> text.find(TextTarget.of("Saved")));
        assertTrue(e.getMessage().contains("nearest: 'Save' at"), e.getMessage());
    }

    @Test
    @DisplayName("matches one word or several consecutive words inside a longer line, boxing just those")
    void wordsInsideALine() {
        ScreenText text = screen(at("Submit Cancel", 40, 40), at("Please Subscribe to newsletter today", 40, 120));
        TextLine line = text.lines().getFirst();
        assertEquals("Submit Cancel", line.text(), "the two captions are read as one line");
        TextMatch submit = text.find(TextTarget.of("Submit"));
        TextMatch cancel = text.find(TextTarget.of("cancel"));
        assertTrue(submit.box().width() < line.box().width() * 0.7, () -> submit + " vs line " + line.box());
        assertTrue(submit.center().x() < cancel.center().x());
        TextMatch subscribe = text.find(TextTarget.of("Subscribe to newsletter"));
        assertEquals("Subscribe to newsletter", subscribe.text());
    }

    @Test
    @DisplayName("prefers an exact match over a near one, even when the near one comes first")
    void prefersExact() {
        ScreenText text = screen(at("Saves", 40, 40), at("Save", 40, 120));
        List<TextMatch> all = text.findAll(TextTarget.of("Save"));
        assertEquals(List.of("Save"), all.stream().map(TextMatch::text).toList());
        assertEquals("Saves", text.find(TextTarget.of("Savez")).text(), "with no exact match the near one counts");
    }

    @Test
    @DisplayName("looks only inside a region when given one")
    void region() {
        ScreenText text = screen(at("Save", 40, 40), at("Save", 400, 200));
        Point second = text.find(TextTarget.of("Save").within(new Rect(320, 160, 320, 200)))
                .center();
        assertTrue(second.x() > 400 && second.y() > 200, () -> "found " + second);
        var e = assertThrows(
                TextNotFoundException.class,
                () -> text.find(TextTarget.of("Save").within(new Rect(0, 300, 640, 60))));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "text 'Save' not found in region [0, 300, 640, 60]: the region shows no text; outside the region it is at ("),
                e::getMessage);
    }

    @Test
    @DisplayName("takes the n-th occurrence in reading order, and says how many there are when n is too big")
    void occurrence() {
        ScreenText text = screen(at("Open", 300, 40), at("Open", 40, 120), at("Open", 300, 120), at("Open", 40, 200));
        List<Point> order = List.of(1, 2, 3, 4).stream()
                .map(n -> text.find(TextTarget.of("Open").occurrence(n)).center())
                .toList();
        assertTrue(order.get(0).y() < order.get(1).y(), () -> "top row first: " + order);
        assertTrue(
                order.get(1).x() < order.get(2).x()
                        && Math.abs(order.get(1).y() - order.get(2).y()) < 5,
                () -> "then left to right: " + order);
        assertTrue(order.get(3).y() > order.get(2).y(), () -> "bottom row last: " + order);
        var e = assertThrows(
                TextNotFoundException.class,
                () -> text.find(TextTarget.of("Open").occurrence(5)));
        assertTrue(
                e.getMessage()
                        .startsWith("text 'Open' occurrence 5 not found: it is on screen there 4 times: 'Open' at ("),
                e::getMessage);
        assertEquals(4, e.nearest().size());
    }

    @Test
    @DisplayName("names the nearest texts on screen when the text is not there")
    void nearestTexts() {
        ScreenText text =
                screen(at("Help", 40, 40), at("Cancel", 200, 40), at("Submit", 400, 40), at("Summary", 40, 200));
        var e = assertThrows(TextNotFoundException.class, () -> text.find(TextTarget.of("Sbumit")));
        assertTrue(
                e.getMessage().startsWith("text 'Sbumit' not found on screen; nearest: 'Submit' at ("), e::getMessage);
        assertEquals(3, e.nearest().size(), e::getMessage);
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    @DisplayName("says the screen shows no text when it is blank")
    void emptyScreen() {
        ScreenText text = screen();
        var e = assertThrows(TextNotFoundException.class, () -> text.find(TextTarget.of("Submit")));
        assertEquals("text 'Submit' not found: the screen shows no text", e.getMessage());
        assertEquals(List.of(), e.nearest());
    }

    @Test
    @DisplayName("rejects a blank text, an occurrence below 1 and an empty region")
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> TextTarget.of(" "));
        assertThrows(IllegalArgumentException.class, () -> TextTarget.of("a").occurrence(0));
        assertThrows(IllegalArgumentException.class, () -> TextTarget.of("a").within(new Rect(0, 0, 0, 5)));
    }
}
