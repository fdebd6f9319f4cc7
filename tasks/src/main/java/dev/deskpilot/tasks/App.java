package dev.deskpilot.tasks;

import java.util.List;

/** The application a task runs against; {@link Apps#launch} starts it. */
public sealed interface App {

    /**
     * A program started as its own process on the task's display (with {@code DISPLAY} set), in the
     * task's base folder. A relative program path such as {@code ./app.sh} is resolved against that
     * folder; a bare name such as {@code xterm} is looked up on the {@code PATH}.
     */
    record Command(List<String> command) implements App {
        public Command {
            command = Require.commandLine("command", command);
        }
    }

    /** A built-in Swing app that runs inside the agent's own JVM, looked up by name (e.g. {@code form}). */
    record BuiltIn(String name) implements App {
        public BuiltIn {
            Require.nonBlank("name", name);
        }
    }
}
