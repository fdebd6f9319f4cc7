package dev.deskpilot.agent;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * A small Swing window for text-step tests, 640x400 at the screen's top-left corner without
 * decorations: buttons Apply, Start and Submit; the file names report.pdf (twice) and notes.txt,
 * which note every click they get; and, after Start, a "Loading" label that goes away after {@link
 * #LOADING_MS} and a "Saved" label that comes after {@link #SAVED_MS}.
 */
final class TextPlayground {
    static final int LOADING_MS = 1500;
    static final int SAVED_MS = 4000;

    private final JFrame frame;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final JLabel loading = new JLabel("Loading");
    private final JLabel saved = new JLabel("Saved");

    private TextPlayground(CountDownLatch painted) {
        frame = new JFrame("text playground");
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
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 18);

        place(root, button("Apply", font, () -> events.add("Apply")), new Rectangle(20, 20, 120, 40));
        place(root, button("Start", font, this::start), new Rectangle(180, 20, 120, 40));
        place(root, button("Submit", font, () -> events.add("Submit")), new Rectangle(340, 20, 120, 40));
        place(root, file("report.pdf", 1, font), new Rectangle(20, 100, 200, 30));
        place(root, file("report.pdf", 2, font), new Rectangle(20, 150, 200, 30));
        place(root, file("notes.txt", 1, font), new Rectangle(20, 200, 200, 30));
        loading.setFont(font);
        loading.setVisible(false);
        place(root, loading, new Rectangle(340, 200, 200, 30));
        saved.setFont(font);
        saved.setVisible(false);
        place(root, saved, new Rectangle(340, 300, 200, 30));

        frame.setContentPane(root);
        frame.setBounds(0, 0, 640, 400);
        frame.setVisible(true);
        frame.toFront();
    }

    private static JButton button(String text, Font font, Runnable action) {
        JButton button = new JButton(text);
        button.setFont(font);
        button.addActionListener(e -> action.run());
        return button;
    }

    /** A file name that notes "report.pdf#2 right x1" for each click it gets. */
    private JLabel file(String name, int number, Font font) {
        JLabel label = new JLabel(name);
        label.setFont(font);
        label.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                String button = SwingUtilities.isRightMouseButton(e) ? "right" : "left";
                events.add(name + "#" + number + " " + button + " x" + e.getClickCount());
            }
        });
        return label;
    }

    private void start() {
        events.add("Start");
        loading.setVisible(true);
        once(LOADING_MS, () -> loading.setVisible(false));
        once(SAVED_MS, () -> saved.setVisible(true));
    }

    private static void once(int delayMs, Runnable action) {
        Timer timer = new Timer(delayMs, e -> action.run());
        timer.setRepeats(false);
        timer.start();
    }

    private static void place(JPanel root, JComponent c, Rectangle r) {
        c.setBounds(r);
        root.add(c);
    }

    /** Opens a fresh window and waits until it has been painted. */
    static TextPlayground open() throws Exception {
        CountDownLatch painted = new CountDownLatch(1);
        AtomicReference<TextPlayground> app = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> app.set(new TextPlayground(painted)));
        if (!painted.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the text playground was not painted within 10 s");
        }
        return app.get();
    }

    /** What was clicked, in order: "Apply", "report.pdf#2 left x2", … */
    List<String> events() {
        return List.copyOf(events);
    }

    void close() throws Exception {
        SwingUtilities.invokeAndWait(frame::dispose);
    }
}
