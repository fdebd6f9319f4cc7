package dev.deskpilot.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads tasks from JSON task files (the format is described in {@code docs/task-format.md}).
 *
 * <p>Every problem is reported as a {@link TaskFileException} whose message is one line: the file,
 * line and column, then the field and what was expected, e.g. {@code form.json:5:3: unknown field
 * 'mx_steps' in task; expected one of id, instruction, app, steps, maxSteps, timeouts, checks}.
 */
public final class TaskFile {
    private TaskFile() {}

    /**
     * Reads the task in {@code file}. Relative paths in the task resolve against the file's folder,
     * which becomes the task's {@link Task#baseDir() baseDir}; messages name the file as given.
     */
    public static Task read(Path file) throws TaskFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new TaskFileException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new TaskFileException(file + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            throw new TaskFileException(file + ": cannot read: " + e, e);
        }
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        return TaskFileReader.read(file.toString(), text, baseDir);
    }

    /**
     * Reads a task bundled on the class path, e.g. {@code dev/deskpilot/tasks/examples/form-demo.json}
     * (a leading {@code /} is allowed). Its base folder is the current directory.
     */
    public static Task readResource(String resourcePath) throws TaskFileException {
        String name = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        try (InputStream in = TaskFile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new TaskFileException(resourcePath + ": no such resource on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return TaskFileReader.read(resourcePath, text, Path.of("").toAbsolutePath());
        } catch (IOException e) {
            throw new TaskFileException(resourcePath + ": cannot read: " + e, e);
        }
    }
}
