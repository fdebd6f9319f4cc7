package dev.deskpilot.agent.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars for long commands, drawn on the command's error stream so results stay clean on stdout. */
final class Progress {
    private Progress() {}

    static ProgressBar bar(String task, long max, PrintWriter err) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(
                        line -> {
                            err.print('\r' + line);
                            err.flush();
                        },
                        100))
                .build();
    }
}
