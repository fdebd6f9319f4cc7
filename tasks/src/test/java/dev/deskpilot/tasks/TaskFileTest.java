package dev.deskpilot.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Task files")
class TaskFileTest {
    static final String FORM_DEMO = "dev/deskpilot/tasks/examples/form-demo.json";

    @TempDir
    Path dir;

    Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    @DisplayName("the bundled form demo reads as a scripted task on the built-in form, judged by its state")
    void formDemo() throws TaskFileException {
        Task task = TaskFile.readResource(FORM_DEMO);

        assertEquals("form-demo", task.id());
        assertEquals("Type the name Ada Lovelace, tick Subscribe to newsletter, and press Submit", task.instruction());
        assertEquals(new App.BuiltIn("form"), task.app());
        assertEquals(5, task.steps().size());
        assertEquals("type(content='Ada Lovelace')", task.steps().get(1));
        assertTrue(
                task.steps().get(4).startsWith("finished(content="),
                task.steps().get(4));
        assertEquals(
                List.of(
                        new Check.AppState("submitted_name", "Ada Lovelace"),
                        new Check.AppState("submitted_subscribed", "true")),
                task.checks());
        assertEquals(
                new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2)), task.timeouts());
        assertEquals(Path.of("").toAbsolutePath(), task.baseDir());
    }

    @Test
    @DisplayName("a leading slash in a resource path is allowed")
    void resourceWithSlash() throws TaskFileException {
        assertEquals("form-demo", TaskFile.readResource("/" + FORM_DEMO).id());
    }

    @Test
    @DisplayName(
            "a minimal file gets no steps, 20 steps at most and the default timeouts, and resolves against its folder")
    void defaults() throws Exception {
        Path file = write("min.json", """
                {"id": "min", "instruction": "Look", "app": {"command": ["xterm"]}, "checks": []}
                """);

        Task task = TaskFile.read(file);

        assertEquals(new App.Command(List.of("xterm")), task.app());
        assertEquals(List.of(), task.steps());
        assertEquals(Task.DEFAULT_MAX_STEPS, task.maxSteps());
        assertEquals(Timeouts.DEFAULT, task.timeouts());
        assertEquals(List.of(), task.checks());
        assertEquals(dir.toAbsolutePath().normalize(), task.baseDir());
    }

    @Test
    @DisplayName("every check kind and every duration unit reads into its record")
    void allKinds() throws Exception {
        Path file = write("all.json", """
                {
                  "id": "all.kinds_1",
                  "instruction": "Save the file",
                  "app": {"command": ["./editor.sh", "--new"]},
                  "timeouts": {"launch": "1500ms", "run": "1h"},
                  "checks": [
                    {"state": "name", "equals": ""},
                    {"command": ["sh", "-c", "exit 3"], "exitCode": 3},
                    {"command": ["true"]},
                    {"file": "out.txt", "equals": "hello\\n"},
                    {"file": "/tmp/log.txt", "contains": "saved"}
                  ]
                }
                """);

        Task task = TaskFile.read(file);

        assertEquals(
                List.of(
                        new Check.AppState("name", ""),
                        new Check.CommandExit(List.of("sh", "-c", "exit 3"), 3),
                        new Check.CommandExit(List.of("true"), 0),
                        new Check.FileEquals("out.txt", "hello\n"),
                        new Check.FileContains("/tmp/log.txt", "saved")),
                task.checks());
        assertEquals(
                new Timeouts(Duration.ofMillis(1500), Timeouts.DEFAULT.step(), Duration.ofHours(1)), task.timeouts());
    }

    static final String VALID_HEAD = """
            {
              "id": "t1",
              "instruction": "Do it",
              "app": { "builtin": "form" },
            """;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("a syntax error", """
                        {
                          "id": "t1",
                          "instruction": "Do it"
                          "app": { "builtin": "form" },
                          "checks": []
                        }
                        """, "4:3: syntax error: Unexpected character ('\"'"),
                Arguments.of(
                        "an unknown field, with the fields the object allows",
                        VALID_HEAD + """
                          "mx_steps": 5,
                          "checks": []
                        }
                        """,
                        "5:3: unknown field 'mx_steps' in task; expected one of id, instruction, app, steps, maxSteps,"
                                + " timeouts, checks"),
                Arguments.of(
                        "an unknown field inside a check",
                        VALID_HEAD + """
                          "checks": [
                            { "state": "submitted", "equal": "true" }
                          ]
                        }
                        """,
                        "6:29: unknown field 'equal' in checks[0]; expected one of state, command, file, equals,"
                                + " contains, exitCode"),
                Arguments.of(
                        "a string where an integer belongs",
                        VALID_HEAD + """
                          "maxSteps": "20",
                          "checks": []
                        }
                        """,
                        "5:15: field 'maxSteps': expected an integer, was a string"),
                Arguments.of(
                        "a decimal number where an integer belongs",
                        VALID_HEAD + """
                          "maxSteps": 2.5,
                          "checks": []
                        }
                        """,
                        "5:15: field 'maxSteps': expected an integer, was a decimal number"),
                Arguments.of(
                        "a number where a string belongs", """
                        {
                          "id": 7,
                          "instruction": "Do it",
                          "app": { "builtin": "form" },
                          "checks": []
                        }
                        """, "2:9: field 'id': expected a string, was an integer"),
                Arguments.of(
                        "a wrong type inside a list",
                        VALID_HEAD + """
                          "steps": ["wait()", 3],
                          "checks": []
                        }
                        """,
                        "5:23: field 'steps[1]': expected a string, was an integer"),
                Arguments.of(
                        "an object where a list belongs",
                        VALID_HEAD + """
                          "checks": {}
                        }
                        """,
                        "5:13: field 'checks': expected a list, was an object"),
                Arguments.of(
                        "a missing required field, at the object that lacks it",
                        """
                        {
                          "id": "t1",
                          "app": { "builtin": "form" },
                          "checks": []
                        }
                        """,
                        "1:1: missing required field 'instruction' in task"),
                Arguments.of("a null value", VALID_HEAD + """
                          "maxSteps": null,
                          "checks": []
                        }
                        """, "5:15: field 'maxSteps': expected a value, was null"),
                Arguments.of("maxSteps 0", VALID_HEAD + """
                          "maxSteps": 0,
                          "checks": []
                        }
                        """, "5:15: field 'maxSteps': must be at least 1, was 0"),
                Arguments.of(
                        "fewer maxSteps than scripted steps",
                        VALID_HEAD + """
                          "steps": ["wait()", "wait()"], "maxSteps": 1,
                          "checks": []
                        }
                        """,
                        "5:46: field 'maxSteps': must be at least the number of scripted steps (2), was 1"),
                Arguments.of("an empty id", """
                        {
                          "id": "",
                          "instruction": "Do it",
                          "app": { "builtin": "form" },
                          "checks": []
                        }
                        """, "2:9: field 'id': must not be empty"),
                Arguments.of(
                        "an id with a space",
                        """
                        {
                          "id": "form demo",
                          "instruction": "Do it",
                          "app": { "builtin": "form" },
                          "checks": []
                        }
                        """,
                        "2:9: field 'id': must be letters, digits, '.', '_' or '-', starting with a letter or digit,"
                                + " was 'form demo'"),
                Arguments.of(
                        "an app that is both built in and a command",
                        """
                        {
                          "id": "t1",
                          "instruction": "Do it",
                          "app": { "builtin": "form", "command": ["xterm"] },
                          "checks": []
                        }
                        """,
                        "4:10: field 'app': give either 'builtin' or 'command', not both"),
                Arguments.of(
                        "an empty command", """
                        {
                          "id": "t1",
                          "instruction": "Do it",
                          "app": { "command": [] },
                          "checks": []
                        }
                        """, "4:23: field 'app.command': must name at least the program to run"),
                Arguments.of(
                        "a blank built-in name, under its JSON name",
                        """
                        {
                          "id": "t1",
                          "instruction": "Do it",
                          "app": { "builtin": " " },
                          "checks": []
                        }
                        """,
                        "4:23: field 'app.builtin': must not be empty"),
                Arguments.of(
                        "a duration without a unit",
                        VALID_HEAD + """
                          "timeouts": { "step": "30" },
                          "checks": []
                        }
                        """,
                        "5:25: field 'timeouts.step': expected a duration such as \"500ms\", \"10s\" or \"5m\", was '30'"),
                Arguments.of(
                        "a zero duration",
                        VALID_HEAD + """
                          "timeouts": { "run": "0s" },
                          "checks": []
                        }
                        """,
                        "5:24: field 'timeouts.run': must be longer than zero, was 0s"),
                Arguments.of(
                        "a check of no kind",
                        VALID_HEAD + """
                          "checks": [
                            { "equals": "true" }
                          ]
                        }
                        """,
                        "6:5: field 'checks[0]': a check needs exactly one of 'state', 'command' or 'file', found none"),
                Arguments.of(
                        "a check of two kinds",
                        VALID_HEAD + """
                          "checks": [
                            { "state": "x", "file": "y", "equals": "z" }
                          ]
                        }
                        """,
                        "6:5: field 'checks[0]': a check needs exactly one of 'state', 'command' or 'file', found"
                                + " 'state' and 'file'"),
                Arguments.of(
                        "a field that the check's kind does not take",
                        VALID_HEAD + """
                          "checks": [
                            { "state": "x", "equals": "y", "exitCode": 1 }
                          ]
                        }
                        """,
                        "6:36: field 'checks[0].exitCode': a 'state' check takes only 'state', 'equals'"),
                Arguments.of(
                        "a state check without equals",
                        VALID_HEAD + """
                          "checks": [
                            { "state": "x" }
                          ]
                        }
                        """,
                        "6:5: missing required field 'equals' in checks[0]"),
                Arguments.of(
                        "an exit code out of range",
                        VALID_HEAD + """
                          "checks": [
                            { "command": ["true"], "exitCode": 300 }
                          ]
                        }
                        """,
                        "6:40: field 'checks[0].exitCode': must be between 0 and 255, was 300"),
                Arguments.of(
                        "a file check with both equals and contains",
                        VALID_HEAD + """
                          "checks": [
                            { "file": "a", "equals": "x", "contains": "y" }
                          ]
                        }
                        """,
                        "6:35: field 'checks[0].contains': a 'file' check takes 'equals' or 'contains', not both"),
                Arguments.of(
                        "a blank file path, under its JSON name",
                        VALID_HEAD + """
                          "checks": [
                            { "file": "", "contains": "y" }
                          ]
                        }
                        """,
                        "6:15: field 'checks[0].file': must not be empty"),
                Arguments.of("duplicate fields", """
                        {
                          "id": "t1",
                          "id": "t2"
                        }
                        """, "3:3: duplicate field 'id' in task; it was first given at 2:3"),
                Arguments.of(
                        "a second value after the task",
                        VALID_HEAD + """
                          "checks": []
                        }
                        {}
                        """,
                        "7:1: unexpected content after the task object"),
                Arguments.of("an empty file", "  \n", "1:1: the file is empty"),
                Arguments.of("a list instead of a task", "[]", "1:1: expected a task object, {...}, was a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    @DisplayName("a bad file is reported in one line: file, line and column, field, expectation")
    void badFile(String what, String json, String expected) throws IOException {
        Path file = write("bad.json", json);

        TaskFileException e = assertThrows(TaskFileException.class, () -> TaskFile.read(file));

        String message = e.getMessage();
        assertTrue(
                message.startsWith(file + ":" + expected),
                () -> "expected '" + file + ":" + expected + "…', got: " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
    }

    @Test
    @DisplayName("a missing file is named in the error")
    void missingFile() {
        Path file = dir.resolve("nowhere.json");

        TaskFileException e = assertThrows(TaskFileException.class, () -> TaskFile.read(file));

        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    @DisplayName("a missing resource is named in the error")
    void missingResource() {
        TaskFileException e =
                assertThrows(TaskFileException.class, () -> TaskFile.readResource("dev/deskpilot/tasks/nope.json"));

        assertEquals("dev/deskpilot/tasks/nope.json: no such resource on the class path", e.getMessage());
    }

    @Test
    @DisplayName("a file's name as given, relative or not, starts its messages")
    void relativeName() throws IOException {
        write("bad.json", "{\"id\": 1}");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("bad.json"));

        TaskFileException e = assertThrows(TaskFileException.class, () -> TaskFile.read(relative));

        assertTrue(e.getMessage().startsWith(relative + ":1:8: field 'id'"), e::getMessage);
    }
}
