package dev.deskpilot.tasks.env.swing;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.JPasswordField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.DefaultCaret;

/**
 * A themed one-line text field (a real Swing text field, so typing, selection and Ctrl+A behave),
 * with a placeholder while it is empty. Drawn "focused" while its caret shows: the focused field
 * on a real display, or the field the virtual executor typed into last.
 */
final class FieldView extends JPasswordField {
    private static final long serialVersionUID = 1L;

    private final transient Look look;
    private final String placeholder;

    FieldView(Look look, String placeholder, String initial, boolean password, int size, Runnable onChange) {
        this.look = look;
        this.placeholder = placeholder;
        setEchoChar(password ? '•' : (char) 0);
        setText(initial);
        setFont(look.font(size, false));
        setOpaque(false);
        setForeground(look.text);
        setCaretColor(look.text);
        setSelectionColor(look.accentSoft());
        setSelectedTextColor(look.text);
        int pad = Math.max(6, size / 2);
        setBorder(BorderFactory.createEmptyBorder(2, pad, 2, pad));
        // A steady caret: a blinking one makes two screenshots of the same state differ.
        DefaultCaret caret = new DefaultCaret();
        caret.setBlinkRate(0);
        setCaret(caret);
        getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                onChange.run();
            }
        });
    }

    String value() {
        return new String(getPassword());
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D box = Look.smooth(g);
        try {
            look.paintFieldBox(box, getWidth(), getHeight(), getCaret().isVisible());
            if (getDocument().getLength() == 0 && !placeholder.isEmpty()) {
                Insets in = getInsets();
                box.setFont(getFont());
                box.setColor(look.muted);
                Look.textLeft(box, placeholder, in.left, getHeight());
            }
        } finally {
            box.dispose();
        }
        Graphics2D text = Look.smooth(g);
        try {
            super.paintComponent(text);
        } finally {
            text.dispose();
        }
    }
}
