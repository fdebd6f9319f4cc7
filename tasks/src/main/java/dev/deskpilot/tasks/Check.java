package dev.deskpilot.tasks;

import dev.deskpilot.perception.TextTarget;
import java.util.List;
import java.util.Objects;

/**
 * One condition that must hold after a run for the task to count as done; {@link Checks#evaluate}
 * judges it. Relative paths are resolved against the task's base folder.
 */
public sealed interface Check {

    /** The check in the task file's own terms, for reports: {@code state submitted_name = "Ada"}. */
    default String describe() {
        return switch (this) {
            case AppState a -> "state " + a.key() + " = \"" + a.equals() + "\"";
            case CommandExit c -> "command " + String.join(" ", c.command()) + " exits " + c.exitCode();
            case FileEquals f -> "file " + f.path() + " = \"" + f.equals() + "\"";
            case FileContains f -> "file " + f.path() + " contains \"" + f.contains() + "\"";
            case TextVisible t -> t.target().describe() + (t.visible() ? " visible" : " not visible");
        };
    }

    /** A built-in app reports {@code equals} under {@code key} in its {@link DesktopApp#state()}. */
    record AppState(String key, String equals) implements Check {
        public AppState {
            Require.nonBlank("key", key);
            Objects.requireNonNull(equals, "equals");
        }
    }

    /** {@code command}, run in the base folder, exits with {@code exitCode} (0 to 255). */
    record CommandExit(List<String> command, int exitCode) implements Check {
        public CommandExit {
            command = Require.commandLine("command", command);
            if (exitCode < 0 || exitCode > 255) {
                throw new InvalidFieldException("exitCode", "must be between 0 and 255, was " + exitCode);
            }
        }
    }

    /** The file at {@code path} holds exactly {@code equals} (read as UTF-8, compared byte for byte). */
    record FileEquals(String path, String equals) implements Check {
        public FileEquals {
            Require.nonBlank("path", path);
            Objects.requireNonNull(equals, "equals");
        }
    }

    /** The file at {@code path} (read as UTF-8) contains the non-empty text {@code contains}. */
    record FileContains(String path, String contains) implements Check {
        public FileContains {
            Require.nonBlank("path", path);
            Objects.requireNonNull(contains, "contains");
            if (contains.isEmpty()) {
                // An empty needle is found in every file; what was meant is almost surely "exists".
                throw new InvalidFieldException(
                        "contains", "must not be empty; to check that a file exists, use a command such as test -e");
            }
        }
    }

    /**
     * {@code target}'s text is on the screen after the run ({@code visible}) or is not; read from a
     * screenshot taken after the run with the same forgiving matching as text steps.
     */
    record TextVisible(TextTarget target, boolean visible) implements Check {
        public TextVisible {
            Objects.requireNonNull(target, "target");
        }
    }
}
