package dev.deskpilot.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Task values built in code")
class TaskTest {
    static final App FORM = new App.BuiltIn("form");

    @Test
    @DisplayName("reject a bad field with a message naming it")
    void rejects() {
        var maxSteps = assertThrows(
                IllegalArgumentException.class,
                () -> new Task("t", "Do it", FORM, List.of(), 0, Timeouts.DEFAULT, List.of(), Path.of(".")));
        var exitCode = assertThrows(IllegalArgumentException.class, () -> new Check.CommandExit(List.of("true"), -1));
        var launch = assertThrows(
                IllegalArgumentException.class,
                () -> new Timeouts(Duration.ofMillis(-5), Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertEquals("maxSteps must be at least 1, was 0", maxSteps.getMessage());
        assertEquals("exitCode must be between 0 and 255, was -1", exitCode.getMessage());
        assertEquals("launch must be longer than zero, was -5ms", launch.getMessage());
    }

    @Test
    @DisplayName("copy their lists, so a task cannot change after it was made")
    void copies() {
        var steps = new java.util.ArrayList<>(List.of(Step.action("wait()")));
        Task task = new Task("t", "Do it", FORM, steps, 5, Timeouts.DEFAULT, List.of(), Path.of("."));

        steps.add(Step.action("wait()"));

        assertEquals(List.of(Step.action("wait()")), task.steps());
    }
}
