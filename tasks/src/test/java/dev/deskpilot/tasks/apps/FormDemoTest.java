package dev.deskpilot.tasks.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Point;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.tasks.Check;
import dev.deskpilot.tasks.CheckResult;
import dev.deskpilot.tasks.Checks;
import dev.deskpilot.tasks.RunningApp;
import dev.deskpilot.tasks.Step;
import dev.deskpilot.tasks.Task;
import dev.deskpilot.tasks.TaskFile;
import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bundled form demo against the form app: its scripted points hit the widgets it means, and its
 * script, replayed as synthetic clicks and keystrokes, makes its checks pass.
 */
@DisplayName("The bundled form demo")
class FormDemoTest {
    static final Pattern CLICK = Pattern.compile("click\\(start_box='\\((\\d+),(\\d+)\\)'\\)");
    static final Pattern TYPE = Pattern.compile("type\\(content='(.*)'\\)");

    final Task task = TaskFile.readResource("dev/deskpilot/tasks/examples/form-demo.json");
    final FormApp app = new FormApp();
    final FormPanel form = app.panel();

    FormDemoTest() throws Exception {}

    static Point clickPoint(String step) {
        Matcher m = CLICK.matcher(step);
        assertTrue(m.matches(), () -> "not a click: " + step);
        return new Point(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Test
    @DisplayName("clicks inside the name field, the check box and the Submit button, in that order")
    void pointsHitWidgets() throws Exception {
        List<String> steps = task.steps().stream().map(Step::describe).toList();
        List<Rect> targets = List.of(FormApp.NAME_FIELD, FormApp.SUBSCRIBE_BOX, FormApp.SUBMIT_BUTTON);
        List<Point> points = List.of(clickPoint(steps.get(0)), clickPoint(steps.get(2)), clickPoint(steps.get(3)));

        for (int i = 0; i < targets.size(); i++) {
            Point p = points.get(i);
            // The window sits at the screen's origin, so screen and window pixels agree.
            Point inWindow = new Point(p.x() - FormApp.WINDOW.x(), p.y() - FormApp.WINDOW.y());
            assertTrue(targets.get(i).contains(inWindow), inWindow + " is outside " + targets.get(i));
        }
        SwingUtilities.invokeAndWait(() -> {
            assertSame(form.nameField(), deepestAt(points.get(0)));
            assertSame(form.subscribeBox(), deepestAt(points.get(1)));
            assertSame(form.submitButton(), deepestAt(points.get(2)));
        });
    }

    @Test
    @DisplayName("replayed as clicks and keystrokes, leaves the form in the state its checks expect")
    void scriptPassesChecks() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JComponent root = form.component();
            root.addNotify(); // headless: gives the tree a "peer" so text fields accept typed keys
            root.validate();
            Component focused = root;
            for (String step : task.steps().stream().map(Step::describe).toList()) {
                if (step.startsWith("click(")) {
                    focused = click(clickPoint(step));
                } else if (step.startsWith("type(")) {
                    Matcher m = TYPE.matcher(step);
                    assertTrue(m.matches(), step);
                    type(focused, m.group(1));
                } else {
                    assertTrue(step.startsWith("finished("), () -> "unexpected step " + step);
                }
            }
        });
        RunningApp running = new RunningApp() {
            @Override
            public Map<String, String> state() {
                return app.state();
            }

            @Override
            public void close() {}
        };

        assertEquals(2, task.checks().size());
        for (Check check : task.checks()) {
            CheckResult result = Checks.evaluate(check, running, task.baseDir());
            assertTrue(result.passed(), result.detail());
        }
    }

    Component deepestAt(Point p) {
        return SwingUtilities.getDeepestComponentAt(form.component(), p.x(), p.y());
    }

    /** A left click at a screen point, delivered where a real click would land. */
    Component click(Point p) {
        Component target = deepestAt(p);
        java.awt.Point local = SwingUtilities.convertPoint(form.component(), p.x(), p.y(), target);
        long when = System.currentTimeMillis();
        for (int id : new int[] {MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED, MouseEvent.MOUSE_CLICKED}) {
            int modifiers = id == MouseEvent.MOUSE_PRESSED ? InputEvent.BUTTON1_DOWN_MASK : 0;
            target.dispatchEvent(new MouseEvent(
                    target, id, when, modifiers, local.x, local.y, p.x(), p.y(), 1, false, MouseEvent.BUTTON1));
        }
        return target;
    }

    static void type(Component target, String text) {
        long when = System.currentTimeMillis();
        for (char c : text.toCharArray()) {
            target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_TYPED, when, 0, KeyEvent.VK_UNDEFINED, c));
        }
    }
}
