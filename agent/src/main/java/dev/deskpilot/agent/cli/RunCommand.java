package dev.deskpilot.agent.cli;

import dev.deskpilot.tasks.Task;
import dev.deskpilot.tasks.TaskFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run one task: launch its app, let the agent act step by step, judge the result with the task's checks.",
            "Writes a run folder (run.json, steps.jsonl, frames/) under --out and prints its path."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the task's checks passed", "1:the task did not pass", "2:bad input"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TASK.json", description = "The task file (format: docs/task-format.md).")
    Path taskFile;

    @Mixin
    DisplayOptions display;

    @Mixin
    OutOption out;

    @Override
    public Integer call() throws Exception {
        Task task = TaskFile.read(taskFile);
        return TaskExecution.execute(
                task,
                taskFile.toString(),
                display,
                true,
                out.out,
                spec.commandLine().getOut());
    }
}
