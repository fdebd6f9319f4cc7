package dev.deskpilot.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;

/**
 * One run on disk: {@code run.json} (what ran and how it ended), {@code steps.jsonl} (one line per
 * step) and {@code frames/NNNN.png}. Every step is flushed as soon as it is written and run.json is
 * replaced atomically, so a run killed at any moment keeps every finished step readable.
 */
public final class RunFolder implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path dir;
    private final BufferedWriter steps;

    private RunFolder(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("frames"));
        this.steps = Files.newBufferedWriter(
                dir.resolve("steps.jsonl"),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    /** Creates a new, empty run folder {@code parent/<name>-<timestamp>}. */
    public static RunFolder create(Path parent, String name) throws IOException {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = parent.resolve(safe + "-" + LocalDateTime.now().format(STAMP));
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(safe + "-" + LocalDateTime.now().format(STAMP) + "-" + i);
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code frames/NNNN.png} for a step and returns its path relative to the run folder. */
    public String writeFrame(int step, BufferedImage image) throws IOException {
        return writePng("frames/%04d.png".formatted(step), image);
    }

    /**
     * Writes {@code frames/final.png}, the screenshot checks were judged on after the last step,
     * and returns its path relative to the run folder.
     */
    public String writeFinalFrame(BufferedImage image) throws IOException {
        return writePng("frames/final.png", image);
    }

    private String writePng(String name, BufferedImage image) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available for " + tmp);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return name;
    }

    /** Appends one line to steps.jsonl and flushes it to the operating system. */
    public void appendStep(StepRecord record) throws IOException {
        steps.write(JSON.writeValueAsString(record));
        steps.newLine();
        steps.flush();
    }

    /** Replaces run.json with {@code info}, atomically: readers see the old or the new file, never half. */
    public void writeRunInfo(RunInfo info) throws IOException {
        Path tmp = dir.resolve("run.json.tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), info);
        Files.move(tmp, dir.resolve("run.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            steps.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + dir.resolve("steps.jsonl"), e);
        }
    }
}
