package dev.deskpilot.agent.record;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * A small Swing window for recording tests, 640x480 at the screen's top-left corner without
 * decorations: a text field (Enter submits it), a check box, a Done button, a double-click pad, a
 * right-click pad, a scrollable list of 60 items, and a chip to drag onto a drop zone. Its state
 * says what a person did to it.
 */
final class Playground {
    static final Rectangle FIELD = new Rectangle(20, 20, 300, 32);
    static final Rectangle CHECK = new Rectangle(20, 70, 220, 28);
    static final Rectangle DONE = new Rectangle(20, 110, 120, 36);
    static final Rectangle DOUBLE_PAD = new Rectangle(20, 170, 150, 40);
    static final Rectangle RIGHT_PAD = new Rectangle(200, 170, 150, 40);
    static final Rectangle LIST = new Rectangle(380, 20, 240, 200);
    static final Rectangle CHIP = new Rectangle(20, 250, 80, 40);
    static final Rectangle DROP_ZONE = new Rectangle(300, 250, 260, 160);

    private final JFrame frame;
    private final JTextField field = new JTextField();
    private final JCheckBox check = new JCheckBox("Remember me");
    private final JList<String> list;
    private final JLabel chip = new JLabel("chip", SwingConstants.CENTER);
    private String submitted = "";
    private boolean done;
    private int doubleClicks;
    private int rightClicks;
    private boolean dropped;

    private Playground(CountDownLatch painted) {
        frame = new JFrame("playground");
        frame.setUndecorated(true);
        JPanel root = new JPanel(null) {
            private static final long serialVersionUID = 1L;

            @Override
            public void paint(Graphics g) {
                super.paint(g);
                painted.countDown();
            }
        };
        root.setBackground(Color.WHITE);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

        field.setFont(font);
        field.addActionListener(e -> submitted = field.getText());
        place(root, field, FIELD);
        check.setFont(font);
        check.setOpaque(false);
        place(root, check, CHECK);
        JButton doneButton = new JButton("Done");
        doneButton.addActionListener(e -> done = true);
        place(root, doneButton, DONE);

        JLabel doublePad = pad("double-click me", new Color(0xdde8ff));
        doublePad.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e) && e.getClickCount() == 2) {
                    doubleClicks++;
                    doublePad.setText("double-clicked " + doubleClicks);
                }
            }
        });
        place(root, doublePad, DOUBLE_PAD);
        JLabel rightPad = pad("right-click me", new Color(0xffe8dd));
        rightPad.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (SwingUtilities.isRightMouseButton(e)) {
                    rightClicks++;
                    rightPad.setText("right-clicked " + rightClicks);
                }
            }
        });
        place(root, rightPad, RIGHT_PAD);

        DefaultListModel<String> items = new DefaultListModel<>();
        for (int i = 1; i <= 60; i++) {
            items.addElement("Item " + i);
        }
        list = new JList<>(items);
        list.setFont(font);
        list.setFixedCellHeight(20);
        place(root, new JScrollPane(list), LIST);

        JLabel zone = pad("drop here", new Color(0xe8ffe8));
        place(root, zone, DROP_ZONE);
        chip.setOpaque(true);
        chip.setBackground(new Color(0x3050c0));
        chip.setForeground(Color.WHITE);
        chip.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseReleased(MouseEvent e) {
                java.awt.Point p = SwingUtilities.convertPoint(chip, e.getPoint(), root);
                if (DROP_ZONE.contains(p)) {
                    dropped = true;
                    chip.setLocation(p.x - CHIP.width / 2, p.y - CHIP.height / 2);
                    root.repaint();
                }
            }
        });
        place(root, chip, CHIP);
        root.setComponentZOrder(chip, 0);

        frame.setContentPane(root);
        frame.setBounds(0, 0, 640, 480);
        frame.setVisible(true);
        frame.toFront();
    }

    private static JLabel pad(String text, Color color) {
        JLabel label = new JLabel(text, SwingConstants.CENTER);
        label.setOpaque(true);
        label.setBackground(color);
        return label;
    }

    private static void place(JPanel root, java.awt.Component c, Rectangle r) {
        c.setBounds(r);
        root.add(c);
    }

    /** Opens a fresh window and waits until it has been painted. */
    static Playground open() throws Exception {
        CountDownLatch painted = new CountDownLatch(1);
        AtomicReference<Playground> app = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> app.set(new Playground(painted)));
        if (!painted.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the playground window was not painted within 10 s");
        }
        return app.get();
    }

    /** What was done to the window, read on the event thread. */
    Map<String, String> state() throws Exception {
        AtomicReference<Map<String, String>> state = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Map<String, String> s = new TreeMap<>();
            s.put("field", field.getText());
            s.put("submitted", submitted);
            s.put("checked", String.valueOf(check.isSelected()));
            s.put("done", String.valueOf(done));
            s.put("doubleClicks", String.valueOf(doubleClicks));
            s.put("rightClicks", String.valueOf(rightClicks));
            s.put("selected", String.valueOf(list.getSelectedValue()));
            s.put("firstVisible", String.valueOf(list.getFirstVisibleIndex()));
            s.put("dropped", String.valueOf(dropped));
            s.put("chipAt", chip.getX() + "," + chip.getY());
            state.set(s);
        });
        return state.get();
    }

    void close() throws Exception {
        SwingUtilities.invokeAndWait(frame::dispose);
    }
}
