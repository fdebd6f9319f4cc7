package dev.deskpilot.tasks.apps;

import dev.deskpilot.actions.Rect;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * The content of the {@link FormApp} window, without the window, so it can be built and driven
 * headless. Widgets sit at the fixed bounds {@link FormApp} publishes (null layout). Create and use
 * it on the event dispatch thread only.
 */
final class FormPanel {
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 24);
    private static final Color DONE = new Color(0x1b6e20);
    private static final Color HINT_COLOR = new Color(0x6b6b6b);

    /** Shown in the empty Name field, so that a script can find the field by text ({@code {"click": "Your full name"}}). */
    static final String HINT = "Your full name";

    private final JPanel root = new JPanel(null);
    private final JTextField name = new HintedField(HINT);
    private final JCheckBox subscribe = new JCheckBox("Subscribe to newsletter");
    private final JButton submit = new JButton("Submit");
    private final JLabel status = new JLabel("Not submitted yet");

    private boolean submitted;
    private String submittedName = "";
    private boolean submittedSubscribed;

    FormPanel() {
        Rect window = FormApp.WINDOW;
        root.setBackground(Color.WHITE);
        root.setPreferredSize(new Dimension(window.width(), window.height()));
        root.setSize(window.width(), window.height());

        JLabel title = new JLabel("Newsletter sign-up");
        title.setFont(TITLE);
        place(title, new Rect(24, 16, 432, 36));

        JLabel nameLabel = new JLabel("Name");
        nameLabel.setFont(TEXT);
        nameLabel.setLabelFor(name);
        place(nameLabel, new Rect(24, 72, 96, 40));

        name.setFont(TEXT);
        name.addActionListener(e -> submit()); // Enter in the field submits, as in most forms
        place(name, FormApp.NAME_FIELD);

        subscribe.setFont(TEXT);
        subscribe.setOpaque(false);
        place(subscribe, FormApp.SUBSCRIBE_BOX);

        submit.setFont(TEXT);
        submit.addActionListener(e -> submit());
        place(submit, FormApp.SUBMIT_BUTTON);

        status.setFont(TEXT);
        place(status, new Rect(24, 264, 432, 36));
    }

    private void place(JComponent component, Rect bounds) {
        component.setBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height());
        root.add(component);
    }

    private void submit() {
        submitted = true;
        submittedName = name.getText();
        submittedSubscribed = subscribe.isSelected();
        status.setForeground(DONE);
        status.setText("Submitted: " + submittedName + (submittedSubscribed ? ", subscribed" : ", not subscribed"));
    }

    JComponent component() {
        return root;
    }

    /** See {@link FormApp} for the keys. */
    Map<String, String> state() {
        return Map.of(
                "name", name.getText(),
                "subscribed", String.valueOf(subscribe.isSelected()),
                "submitted", String.valueOf(submitted),
                "submitted_name", submittedName,
                "submitted_subscribed", String.valueOf(submittedSubscribed));
    }

    JTextField nameField() {
        return name;
    }

    JCheckBox subscribeBox() {
        return subscribe;
    }

    JButton submitButton() {
        return submit;
    }

    /** A text field that shows a grey hint while it is empty, as many forms do. */
    private static final class HintedField extends JTextField {
        private static final long serialVersionUID = 1L;

        private final String hint;

        HintedField(String hint) {
            this.hint = hint;
        }

        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            if (!getText().isEmpty()) {
                return;
            }
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setColor(HINT_COLOR);
                g2.setFont(getFont());
                FontMetrics metrics = g2.getFontMetrics();
                Insets insets = getInsets();
                int baseline = (getHeight() - metrics.getHeight()) / 2 + metrics.getAscent();
                g2.drawString(hint, insets.left + 2, baseline);
            } finally {
                g2.dispose();
            }
        }
    }
}
