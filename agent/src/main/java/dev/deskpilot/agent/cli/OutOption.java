package dev.deskpilot.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR}: the folder that receives run folders, shared by every command that runs tasks. */
final class OutOption {
    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "Folder that receives the run folder (default: ${DEFAULT-VALUE}).")
    Path out;
}
