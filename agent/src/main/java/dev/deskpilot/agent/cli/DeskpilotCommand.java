package dev.deskpilot.agent.cli;

import picocli.CommandLine.Command;

@Command(
        name = "deskpilot",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "GUI agents that see only screenshots: run tasks on a real or virtual X display.",
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            RecordCommand.class,
            ReplayCommand.class,
            DatasetCommand.class,
            ModelCommand.class,
            EvalCommand.class,
            SynthCommand.class,
            BenchCommand.class,
            OcrCommand.class,
            ReportCommand.class,
            picocli.CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the task's checks passed",
            "1:the task ran but did not pass, or failed at run time",
            "2:bad input (command line, task file)"
        })
final class DeskpilotCommand extends GroupCommand {}
