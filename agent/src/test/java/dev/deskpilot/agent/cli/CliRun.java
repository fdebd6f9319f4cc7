package dev.deskpilot.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a deskpilot command in-process and keeps its exit code and both output streams. */
public record CliRun(int code, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Asserts bad input: exit code 2 and a one-line error that names every one of {@code parts}. */
    public static void assertOneLineNaming(CliRun run, String... parts) {
        assertEquals(2, run.code, run.out + run.err);
        String line = run.err.strip();
        assertEquals(1, line.lines().count(), "one line expected:\n" + line);
        for (String part : parts) {
            assertTrue(line.contains(part), "error should name '" + part + "': " + line);
        }
    }
}
