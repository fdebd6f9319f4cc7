package dev.deskpilot.agent.cli;

import dev.deskpilot.actions.RobotExecutor;
import dev.deskpilot.agent.RunInfo;
import dev.deskpilot.agent.ScriptPolicy;
import dev.deskpilot.agent.TaskRunner;
import dev.deskpilot.agent.report.Reports;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.tasks.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code run} and {@code demo} share: run one task on the chosen display and report it. */
final class TaskExecution {
    private TaskExecution() {}

    static int execute(
            Task task,
            String source,
            DisplayOptions displayOptions,
            boolean inheritDisplay,
            Path out,
            PrintWriter stdout)
            throws Exception {
        if (task.steps().isEmpty()) {
            throw new BadInputException(
                    "task '" + task.id() + "' in " + source
                            + " has no scripted steps; model-driven runs need a model policy, which this build does not have yet");
        }
        ScriptPolicy script;
        try {
            script = new ScriptPolicy(task.steps());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": field 'steps': " + e.getMessage());
        }
        try (ScriptPolicy policy = script) {
            DisplayOptions.DisplaySession session = displayOptions.open(inheritDisplay);
            stdout.println("display " + session.display() + (session.privateXvfb() ? " (private Xvfb)" : ""));
            stdout.flush();
            RobotScreen screen = RobotScreen.open();
            RobotExecutor executor = RobotExecutor.open(session.display());
            TaskRunner.Outcome outcome =
                    new TaskRunner(screen, executor, session.display()).run(task, source, policy, "scripted", out);
            RunInfo info = outcome.info();
            stdout.println(
                    "status: " + info.status().word() + (info.reason().isEmpty() ? "" : " (" + info.reason() + ")"));
            stdout.println("steps: " + info.steps());
            for (RunInfo.CheckOutcome c : info.checks()) {
                stdout.println("check " + (c.passed() ? "passed" : "FAILED") + ": " + c.detail());
            }
            stdout.println("run folder: " + outcome.runDir().toAbsolutePath());
            writeReport(outcome.runDir(), stdout);
            stdout.println(outcome.passed() ? "PASSED" : "NOT PASSED");
            return outcome.passed() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** Writes the run's HTML report; a report that cannot be written never changes the run's result. */
    private static void writeReport(Path runDir, PrintWriter stdout) {
        try {
            stdout.println("report: " + Reports.writeRunReport(runDir).toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            stdout.println("report: not written (" + e.getMessage() + ")");
        }
    }
}
