package dev.deskpilot.agent.cli;

import dev.deskpilot.tasks.Task;
import dev.deskpilot.tasks.TaskFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Run the bundled example task: a small Swing form is filled in (type a name, tick a box, press Submit) on a private Xvfb display, and the form's own state is checked. Prints the run folder.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the demo task passed", "1:it did not pass", "2:bad input"})
final class DemoCommand implements Callable<Integer> {
    static final String TASK = "dev/deskpilot/tasks/examples/form-demo.json";

    @Spec
    CommandSpec spec;

    @Mixin
    DisplayOptions display;

    @Mixin
    OutOption out;

    @Override
    public Integer call() throws Exception {
        Task task = TaskFile.readResource(TASK);
        return TaskExecution.execute(
                task,
                "bundled:" + TASK,
                display,
                false,
                out.out,
                spec.commandLine().getOut());
    }
}
