package dev.deskpilot.agent.cli;

import dev.deskpilot.perception.OcrModelException;
import dev.deskpilot.tasks.TaskFileException;
import dev.deskpilot.vlm.ModelFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The exit codes of every command, decided in one place. */
final class ExitCodes {
    /** The task's checks passed (or a command that is not a run succeeded). */
    static final int OK = 0;
    /** A run did not pass, or failed at run time. */
    static final int FAILED = 1;
    /** Bad input: options, arguments, a task file, or a model file. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {}

    static int forException(Throwable t) {
        return t instanceof TaskFileException
                        || t instanceof BadInputException
                        || t instanceof ModelFileException
                        || t instanceof OcrModelException
                ? BAD_INPUT
                : FAILED;
    }

    /** Prints one line for a failure; a stack trace only with -Ddeskpilot.trace=true. */
    static int report(Exception e, CommandLine cmd, ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println("deskpilot: " + message);
        if (forException(e) != BAD_INPUT) {
            if (Boolean.getBoolean("deskpilot.trace")) {
                e.printStackTrace(cmd.getErr());
            }
        }
        return forException(e);
    }

    static int reportUsage(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("deskpilot: " + e.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return BAD_INPUT;
    }
}
