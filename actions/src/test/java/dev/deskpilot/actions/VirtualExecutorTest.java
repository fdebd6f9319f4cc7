package dev.deskpilot.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Virtual executor (synthetic events into a headless Swing tree)")
class VirtualExecutorTest {
    JPanel root;
    JButton button;
    JTextField name;
    JTextField city;
    VirtualExecutor executor;

    @BeforeEach
    void build() throws Exception {
        EventQueue.invokeAndWait(() -> {
            root = new JPanel(null);
            root.setBounds(0, 0, 400, 300);
            button = new JButton("Go");
            button.setBounds(10, 10, 100, 40);
            name = new JTextField();
            name.setBounds(10, 60, 200, 30);
            city = new JTextField();
            city.setBounds(10, 100, 200, 30);
            root.add(button);
            root.add(name);
            root.add(city);
            root.addNotify(); // a lightweight peer, so the tree lays out and takes events headless
            root.validate();
        });
        executor = new VirtualExecutor(root);
    }

    @Test
    @DisplayName("a click on a button fires it")
    void clickFiresButton() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        button.addActionListener(e -> fired.incrementAndGet());
        executor.execute(new Action.Click(new Point(60, 30)));
        assertEquals(1, fired.get());
    }

    @Test
    @DisplayName("typed text goes to the text field clicked last, and nowhere before any was clicked")
    void typingFollowsClicks() throws Exception {
        executor.execute(new Action.TypeText("lost"));
        executor.execute(new Action.Click(new Point(50, 75)));
        executor.execute(new Action.TypeText("Ada Lovelace"));
        executor.execute(new Action.Click(new Point(60, 30))); // a button does not take the focus
        executor.execute(new Action.TypeText("!"));
        executor.execute(new Action.Click(new Point(50, 115)));
        executor.execute(new Action.TypeText("café 中文"));
        assertEquals("Ada Lovelace!", name.getText());
        assertEquals("café 中文", city.getText());
        assertTrue(executor.focusOwner().orElseThrow() == city);
    }

    @Test
    @DisplayName("ctrl+a selects the field's text so typing replaces it")
    void selectAllReplaces() throws Exception {
        name.setText("old");
        executor.execute(new Action.Click(new Point(50, 75)));
        executor.execute(new Action.Hotkey(List.of("ctrl", "a")));
        executor.execute(new Action.TypeText("new"));
        assertEquals("new", name.getText());
    }

    @Test
    @DisplayName("a component that does not listen for the mouse is transparent to clicks, as in AWT")
    void deafOverlayIsTransparent() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        button.addActionListener(e -> fired.incrementAndGet());
        EventQueue.invokeAndWait(() -> {
            JComponent overlay = new JComponent() {};
            overlay.setBounds(0, 0, 400, 300);
            root.add(overlay, 0); // on top of everything
        });
        executor.execute(new Action.Click(new Point(60, 30)));
        assertEquals(1, fired.get());
    }

    @Test
    @DisplayName("a drag presses on one component and keeps sending it the moves and the release")
    void dragStaysWithPressedComponent() throws Exception {
        List<String> seen = new ArrayList<>();
        JComponent handle = new JComponent() {};
        EventQueue.invokeAndWait(() -> {
            handle.setBounds(300, 200, 40, 40);
            MouseAdapter log = new MouseAdapter() {
                @Override
                public void mousePressed(MouseEvent e) {
                    seen.add("pressed " + e.getX() + "," + e.getY());
                }

                @Override
                public void mouseDragged(MouseEvent e) {
                    if (!seen.getLast().startsWith("dragged")) {
                        seen.add("dragged");
                    }
                }

                @Override
                public void mouseReleased(MouseEvent e) {
                    seen.add("released " + e.getX() + "," + e.getY());
                }
            };
            handle.addMouseListener(log);
            handle.addMouseMotionListener(log);
            root.add(handle, 0);
        });
        executor.execute(new Action.Drag(new Point(320, 220), new Point(20, 20)));
        assertEquals(List.of("pressed 20,20", "dragged", "released -280,-180"), seen);
    }

    @Test
    @DisplayName("the wheel over a component goes to the nearest ancestor that listens for it")
    void wheelBubblesUp() throws Exception {
        AtomicInteger notches = new AtomicInteger();
        EventQueue.invokeAndWait(() -> {
            JPanel list = new JPanel(null);
            list.setBounds(10, 140, 200, 100);
            list.addMouseWheelListener(e -> notches.addAndGet(e.getWheelRotation()));
            JComponent row = new JComponent() {};
            row.setBounds(0, 0, 200, 40);
            row.addMouseListener(new MouseAdapter() {}); // clickable, but deaf to the wheel
            list.add(row);
            root.add(list);
            root.validate();
        });
        executor.execute(new Action.Scroll(new Point(50, 150), ScrollDirection.DOWN, 3));
        executor.execute(new Action.Scroll(new Point(50, 150), ScrollDirection.UP, 1));
        assertEquals(2, notches.get());
    }

    @Test
    @DisplayName("a point off the screen fails the action and names the point")
    void offScreen() {
        var e = assertThrows(ActionFailedException.class, () -> executor.execute(new Action.Click(new Point(400, 10))));
        assertTrue(e.getMessage().contains("(400,10)"), e::getMessage);
    }
}
