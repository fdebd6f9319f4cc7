package dev.deskpilot.agent.cli;

import picocli.CommandLine.Command;

@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Turn run folders (recorded demonstrations, agent runs) into training data.",
        subcommands = {DatasetExportCommand.class})
final class DatasetCommand extends GroupCommand {}
