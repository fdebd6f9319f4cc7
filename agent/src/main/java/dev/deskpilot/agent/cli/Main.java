package dev.deskpilot.agent.cli;

import picocli.CommandLine;

/** The {@code deskpilot} command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new DeskpilotCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(ExitCodes::forException)
                .setExecutionExceptionHandler(ExitCodes::report)
                .setParameterExceptionHandler(ExitCodes::reportUsage);
    }
}
