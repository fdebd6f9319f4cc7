package dev.deskpilot.agent.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reports rendered from run folders (docs/run-folder.md), for people: {@value #RUN_REPORT}, one
 * self-contained HTML page per run; {@value #RUN_GIF}, an animated GIF of the run with its actions
 * drawn; and {@value #INDEX}, a page for a folder of runs with a success table and links. Reports
 * are read only from the folder's files, so they can be rendered again at any time, also for runs
 * that were killed. Every file is written atomically (a temporary name, then a rename).
 */
public final class Reports {
    /** The run report's file name inside a run folder. */
    public static final String RUN_REPORT = "report.html";

    /** The run GIF's file name inside a run folder. */
    public static final String RUN_GIF = "run.gif";

    /** The index page's file name inside a folder of runs. */
    public static final String INDEX = "index.html";

    /** How deep {@link #findRunFolders} looks below the folder it is given. */
    static final int MAX_DEPTH = 4;

    private Reports() {}

    /** Whether {@code dir} is a run folder: it holds a run.json. */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("run.json"));
    }

    /**
     * The run folders in {@code dir} and below it (a few levels deep, not inside run folders),
     * sorted by path; {@code dir} itself if it is one.
     */
    public static List<Path> findRunFolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        }
        if (isRunFolder(dir)) {
            return List.of(dir);
        }
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                if (Files.isDirectory(child)) {
                    collect(child, MAX_DEPTH - 1, runs);
                }
            }
        }
        return runs;
    }

    private static void collect(Path dir, int depthLeft, List<Path> runs) throws IOException {
        if (isRunFolder(dir)) {
            runs.add(dir);
            return;
        }
        if (depthLeft == 0) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                if (Files.isDirectory(child)) {
                    collect(child, depthLeft - 1, runs);
                }
            }
        }
    }

    /**
     * Renders {@code runDir/report.html} from the run folder's files.
     *
     * @return the report's path
     * @throws NoSuchFileException if {@code runDir} has no run.json
     * @throws IOException if run.json is not JSON or a file cannot be read or written
     */
    public static Path writeRunReport(Path runDir) throws IOException {
        RunView run = RunFolderReader.read(runDir);
        Path file = runDir.resolve(RUN_REPORT);
        writeAtomically(file, RunPage.render(run));
        return file;
    }

    /**
     * Renders {@code runDir/run.gif}: one frame per recorded step with its actions drawn, looping.
     *
     * @return the GIF's path
     * @throws IOException if the run has no readable frame, or a file cannot be read or written
     */
    public static Path writeRunGif(Path runDir) throws IOException {
        RunView run = RunFolderReader.read(runDir);
        Path file = runDir.resolve(RUN_GIF);
        RunGif.write(run, file);
        return file;
    }

    /**
     * Renders the report of every run folder under {@code dir} ({@link #findRunFolders}) and
     * {@code dir/index.html} linking them.
     *
     * @return the index page's path
     * @throws NoSuchFileException if {@code dir} holds no run folder
     */
    public static Path writeIndex(Path dir) throws IOException {
        List<Path> runDirs = findRunFolders(dir);
        if (runDirs.isEmpty()) {
            throw new NoSuchFileException(dir.toString(), null, "no run folders (folders with a run.json) in it");
        }
        List<RunView> runs = new ArrayList<>();
        for (Path runDir : runDirs) {
            RunView run = RunFolderReader.read(runDir);
            writeAtomically(runDir.resolve(RUN_REPORT), RunPage.render(run));
            runs.add(run);
        }
        Path file = dir.resolve(INDEX);
        writeAtomically(file, IndexPage.render(dir, runs));
        return file;
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
