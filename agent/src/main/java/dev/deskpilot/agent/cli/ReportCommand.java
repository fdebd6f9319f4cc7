package dev.deskpilot.agent.cli;

import dev.deskpilot.agent.report.Reports;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Render the HTML report of a run folder (RUN_DIR/report.html: every step's frame with its actions drawn, thought, actions, timings; ← → or k j between steps), or of every run under a folder of runs plus DIR/index.html (success per task, statuses, links). With --gif, also an animated GIF per run (run.gif). Prints the path of the page to open.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the report was written",
            "1:it could not be written",
            "2:not a run folder, nor a folder of runs"
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "RUN_DIR|RUNS_DIR",
            description =
                    "A run folder (it holds run.json), or a folder with run folders in it (an eval, --out of runs).")
    Path dir;

    @Option(names = "--gif", description = "Also write an animated GIF of each run, with its actions drawn (run.gif).")
    boolean gif;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such folder");
        }
        List<Path> runs = Reports.findRunFolders(dir);
        if (runs.isEmpty()) {
            throw new BadInputException(
                    dir + ": neither a run folder (no run.json) nor a folder of runs (no run.json in its folders)");
        }
        if (gif) {
            for (Path run : runs) {
                out.println("gif: " + Reports.writeRunGif(run).toAbsolutePath());
            }
        }
        Path page = Reports.isRunFolder(dir) ? Reports.writeRunReport(dir) : Reports.writeIndex(dir);
        out.println("report: " + page.toAbsolutePath());
        return ExitCodes.OK;
    }
}
