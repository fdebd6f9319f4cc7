package dev.deskpilot.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Turn run folders (recorded demonstrations, agent runs) into training data.",
        subcommands = {DatasetExportCommand.class})
final class DatasetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
