package dev.deskpilot.tasks.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.tasks.Check;
import dev.deskpilot.tasks.CheckResult;
import dev.deskpilot.tasks.Checks;
import dev.deskpilot.tasks.RunningApp;
import java.awt.HeadlessException;
import java.nio.file.Path;
import java.util.Map;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The built-in form app, driven headless")
class FormAppTest {
    final FormApp app = new FormApp();
    final FormPanel form = app.panel();

    /** The app as a task run sees it, without a window. */
    final RunningApp running = new RunningApp() {
        @Override
        public Map<String, String> state() {
            return app.state();
        }

        @Override
        public void close() {}
    };

    static void onEdt(Runnable work) throws Exception {
        SwingUtilities.invokeAndWait(work);
    }

    @Test
    @DisplayName("starts empty and unsubmitted")
    void initialState() {
        assertEquals(
                Map.of(
                        "name", "",
                        "subscribed", "false",
                        "submitted", "false",
                        "submitted_name", "",
                        "submitted_subscribed", "false"),
                app.state());
    }

    @Test
    @DisplayName("records the name and the box when Submit is pressed")
    void submit() throws Exception {
        onEdt(() -> {
            form.nameField().setText("Ada Lovelace");
            form.subscribeBox().doClick();
            form.submitButton().doClick();
        });

        assertEquals(
                Map.of(
                        "name", "Ada Lovelace",
                        "subscribed", "true",
                        "submitted", "true",
                        "submitted_name", "Ada Lovelace",
                        "submitted_subscribed", "true"),
                app.state());
    }

    @Test
    @DisplayName("keeps the submitted values when the field changes afterwards")
    void editAfterSubmit() throws Exception {
        onEdt(() -> {
            form.nameField().setText("Ada");
            form.submitButton().doClick();
            form.nameField().setText("Grace");
            form.subscribeBox().doClick();
        });

        Map<String, String> state = app.state();
        assertEquals("Grace", state.get("name"));
        assertEquals("true", state.get("subscribed"));
        assertEquals("Ada", state.get("submitted_name"));
        assertEquals("false", state.get("submitted_subscribed"));
    }

    @Test
    @DisplayName("submits on Enter in the name field, as forms do")
    void enterSubmits() throws Exception {
        onEdt(() -> {
            form.nameField().setText("Ada");
            form.nameField().postActionEvent();
        });

        assertEquals("Ada", app.state().get("submitted_name"));
    }

    @Test
    @DisplayName("passes state checks on what was submitted and fails them, with both values, on the wrong name")
    void stateChecks() throws Exception {
        onEdt(() -> {
            form.nameField().setText("Ada");
            form.subscribeBox().doClick();
            form.submitButton().doClick();
        });

        CheckResult subscribed =
                Checks.evaluate(new Check.AppState("submitted_subscribed", "true"), running, Path.of("."));
        CheckResult name = Checks.evaluate(new Check.AppState("submitted_name", "Ada Lovelace"), running, Path.of("."));

        assertTrue(subscribed.passed(), subscribed.detail());
        assertFalse(name.passed());
        assertEquals("state 'submitted_name' was 'Ada', expected 'Ada Lovelace'", name.detail());
    }

    @Test
    @DisplayName("lays its widgets out at the published bounds, inside the window")
    void bounds() throws Exception {
        onEdt(() -> {
            assertEquals(FormApp.NAME_FIELD, rect(form.nameField().getBounds()));
            assertEquals(FormApp.SUBSCRIBE_BOX, rect(form.subscribeBox().getBounds()));
            assertEquals(FormApp.SUBMIT_BUTTON, rect(form.submitButton().getBounds()));
            assertEquals(FormApp.WINDOW.width(), form.component().getWidth());
            assertEquals(FormApp.WINDOW.height(), form.component().getHeight());
        });
    }

    static dev.deskpilot.actions.Rect rect(java.awt.Rectangle r) {
        return new dev.deskpilot.actions.Rect(r.x, r.y, r.width, r.height);
    }

    @Test
    @DisplayName("cannot open a window in a headless JVM")
    void openHeadless() {
        assertThrows(HeadlessException.class, app::open);
        app.close();
    }
}
