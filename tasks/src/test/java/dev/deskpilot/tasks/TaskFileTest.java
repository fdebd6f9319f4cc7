package dev.deskpilot.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.TextTarget;
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
        assertEquals(Step.action("type(content='Ada Lovelace')"), task.steps().get(1));
        assertTrue(
                task.steps().get(4).describe().startsWith("finished(content="),
                task.steps().get(4).describe());
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

    @Test
    @DisplayName("text steps and text checks read into their records; waits widen the default step budget")
    void textSteps() throws Exception {
        Path file = write("text.json", """
                {
                  "id": "text",
                  "instruction": "Open the report",
                  "app": {"builtin": "form"},
                  "steps": [
                    "click(start_box='(1,2)')",
                    {"click": "Submit"},
                    {"doubleClick": "report.pdf", "region": [10, 20, 300, 200], "occurrence": 2},
                    {"rightClick": "File"},
                    {"waitFor": "Saved", "timeout": "5s"},
                    {"waitUntilGone": "Loading"},
                    "finished(content='ok')"
                  ],
                  "checks": [
                    {"text": "Submitted: Ada"},
                    {"text": "Error", "visible": false, "region": [0, 0, 100, 50]}
                  ]
                }
                """);

        Task task = TaskFile.read(file);

        assertEquals(
                List.of(
                        Step.action("click(start_box='(1,2)')"),
                        Step.click("Submit"),
                        Step.doubleClick(TextTarget.of("report.pdf")
                                .within(new Rect(10, 20, 300, 200))
                                .occurrence(2)),
                        Step.rightClick("File"),
                        Step.waitFor(TextTarget.of("Saved"), Duration.ofSeconds(5)),
                        Step.waitUntilGone("Loading"),
                        Step.action("finished(content='ok')")),
                task.steps());
        assertEquals(
                List.of(
                        new Check.TextVisible(TextTarget.of("Submitted: Ada"), true),
                        new Check.TextVisible(TextTarget.of("Error").within(new Rect(0, 0, 100, 50)), false)),
                task.checks());
        assertEquals(7 + 5 + 10, task.maxSteps(), "seven steps plus a step per second of waiting");
        assertEquals(
                "double click on text 'report.pdf' (occurrence 2) in region [10, 20, 300, 200]",
                task.steps().get(2).describe());
        assertEquals("wait for text 'Saved' (up to 5s)", task.steps().get(4).describe());
        assertEquals(
                "text 'Error' in region [0, 0, 100, 50] not visible",
                task.checks().get(1).describe());
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
                        "6:29: unknown field 'equal' in checks[0]; expected one of state, command, file, text, equals,"
                                + " contains, exitCode, visible, region"),
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
                        "5:23: field 'steps[1]': expected an action string or a step object, was an integer"),
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
                        "6:5: field 'checks[0]': a check needs exactly one of 'state', 'command', 'file' or 'text', found none"),
                Arguments.of(
                        "a check of two kinds",
                        VALID_HEAD + """
                          "checks": [
                            { "state": "x", "file": "y", "equals": "z" }
                          ]
                        }
                        """,
                        "6:5: field 'checks[0]': a check needs exactly one of 'state', 'command', 'file' or 'text', found"
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
                Arguments.of(
                        "an unknown field in a text step",
                        VALID_HEAD + """
                          "steps": [{"click": "Submit", "ocurrence": 2}],
                          "checks": []
                        }
                        """,
                        "5:33: unknown field 'ocurrence' in steps[0]; expected one of click, doubleClick, rightClick, waitFor, waitUntilGone, region, occurrence, timeout"),
                Arguments.of(
                        "a step object of no kind",
                        VALID_HEAD + """
                          "steps": [{"region": [0, 0, 10, 10]}],
                          "checks": []
                        }
                        """,
                        "5:13: field 'steps[0]': a step object needs exactly one of 'click', 'doubleClick', 'rightClick', 'waitFor' or 'waitUntilGone', found none"),
                Arguments.of(
                        "a step object of two kinds",
                        VALID_HEAD + """
                          "steps": [{"click": "A", "waitFor": "B"}],
                          "checks": []
                        }
                        """,
                        "5:13: field 'steps[0]': a step object needs exactly one of 'click', 'doubleClick', 'rightClick', 'waitFor' or 'waitUntilGone', found 'click' and 'waitFor'"),
                Arguments.of(
                        "a timeout on a click",
                        VALID_HEAD + """
                          "steps": [{"click": "A", "timeout": "5s"}],
                          "checks": []
                        }
                        """,
                        "5:28: field 'steps[0].timeout': a 'click' step takes only 'click', 'region', 'occurrence'"),
                Arguments.of(
                        "an occurrence on a wait until gone",
                        VALID_HEAD + """
                          "steps": [{"waitUntilGone": "A", "occurrence": 2}],
                          "checks": []
                        }
                        """,
                        "5:36: field 'steps[0].occurrence': a 'waitUntilGone' step takes only 'waitUntilGone', 'region', 'timeout'"),
                Arguments.of(
                        "a region of three numbers",
                        VALID_HEAD + """
                          "steps": [{"click": "A", "region": [1, 2, 3]}],
                          "checks": []
                        }
                        """,
                        "5:38: field 'steps[0].region': expected [x, y, width, height] (4 integers), was 3 numbers"),
                Arguments.of(
                        "a region without width",
                        VALID_HEAD + """
                          "steps": [{"click": "A", "region": [1, 2, 0, 4]}],
                          "checks": []
                        }
                        """,
                        "5:45: field 'steps[0].region[2]': width must be at least 1, was 0"),
                Arguments.of(
                        "a region of decimals",
                        VALID_HEAD + """
                          "steps": [{"click": "A", "region": [1.5, 2, 3, 4]}],
                          "checks": []
                        }
                        """,
                        "5:39: field 'steps[0].region[0]': expected an integer, was a decimal number"),
                Arguments.of(
                        "occurrence 0",
                        VALID_HEAD + """
                          "steps": [{"doubleClick": "A", "occurrence": 0}],
                          "checks": []
                        }
                        """,
                        "5:48: field 'steps[0].occurrence': must be at least 1, was 0"),
                Arguments.of(
                        "a timeout without unit",
                        VALID_HEAD + """
                          "steps": [{"waitFor": "A", "timeout": "5"}],
                          "checks": []
                        }
                        """,
                        "5:41: field 'steps[0].timeout': expected a duration such as \"500ms\", \"10s\" or \"5m\", was '5'"),
                Arguments.of(
                        "a zero timeout",
                        VALID_HEAD + """
                          "steps": [{"waitFor": "A", "timeout": "0s"}],
                          "checks": []
                        }
                        """,
                        "5:41: field 'steps[0].timeout': must be longer than zero, was 0s"),
                Arguments.of(
                        "a blank text to click",
                        VALID_HEAD + """
                          "steps": [{"rightClick": " "}],
                          "checks": []
                        }
                        """,
                        "5:28: field 'steps[0].rightClick': must not be empty"),
                Arguments.of(
                        "a number as the text to click",
                        VALID_HEAD + """
                          "steps": [{"click": 5}],
                          "checks": []
                        }
                        """,
                        "5:23: field 'steps[0].click': expected a string, was an integer"),
                Arguments.of("an empty action string", VALID_HEAD + """
                          "steps": ["wait()", ""],
                          "checks": []
                        }
                        """, "5:23: field 'steps[1]': must not be empty"),
                Arguments.of(
                        "an action as an object",
                        VALID_HEAD + """
                          "steps": [{"action": "wait()"}],
                          "checks": []
                        }
                        """,
                        "5:14: unknown field 'action' in steps[0]; write an action as a string in the list of steps"),
                Arguments.of(
                        "a text check with equals",
                        VALID_HEAD + """
                          "checks": [{"text": "Saved", "equals": "x"}]
                        }
                        """,
                        "5:32: field 'checks[0].equals': a 'text' check takes only 'text', 'visible', 'region'"),
                Arguments.of(
                        "a text check with visible as a string",
                        VALID_HEAD + """
                          "checks": [{"text": "Saved", "visible": "no"}]
                        }
                        """,
                        "5:43: field 'checks[0].visible': expected a boolean, was a string"),
                Arguments.of(
                        "a text check with a blank text",
                        VALID_HEAD + """
                          "checks": [{"text": ""}]
                        }
                        """,
                        "5:23: field 'checks[0].text': must not be empty"),
                Arguments.of(
                        "a text check with a negative region",
                        VALID_HEAD + """
                          "checks": [{"text": "A", "region": [-1, 0, 5, 5]}]
                        }
                        """,
                        "5:39: field 'checks[0].region[0]': x must be at least 0, was -1"),
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
