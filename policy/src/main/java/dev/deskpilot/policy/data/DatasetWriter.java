package dev.deskpilot.policy.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes samples as a dataset folder in one of the {@link DatasetFormat}s: the images (scaled to
 * the size the actions refer to, each written once), the data file and a {@code dataset.json}
 * manifest. The folder must be new or empty: an export never overwrites anything.
 */
public final class DatasetWriter {
    /** The manifest every format gets. */
    public static final String MANIFEST = "dataset.json";

    /** LLaMA-Factory's registry of datasets, written beside the chat formats. */
    public static final String DATASET_INFO = "dataset_info.json";

    /** Version of the layout described in docs/dataset-formats.md. */
    public static final int VERSION = 1;

    /** UI-TARS keeps five screenshots in a conversation: four earlier ones and the current one. */
    public static final int DEFAULT_HISTORY_IMAGES = 4;

    /**
     * How to write.
     *
     * @param format the file format
     * @param space the space the samples' actions are in, recorded in the manifest
     * @param historyImages how many earlier screenshots a chat conversation keeps (deskpilot's own
     *     format keeps them all)
     */
    public record Options(DatasetFormat format, SampleSpace space, int historyImages) {
        public Options {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(space, "space");
            if (historyImages < 0) {
                throw new IllegalArgumentException("historyImages must not be negative, was " + historyImages);
            }
        }
    }

    /** What an export wrote. */
    public record Summary(Path dir, int samples, int images, Path dataFile) {}

    private DatasetWriter() {}

    /**
     * Writes {@code samples} into {@code dir}.
     *
     * @throws DatasetException if {@code dir} is a file or a folder that is not empty, or two
     *     different images share a name
     * @throws IOException if writing fails
     */
    public static Summary write(List<Sample> samples, Path dir, Options options) throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw DatasetException.in(dir, "already exists and is not an empty folder; export into a new folder");
        }
        Map<String, SampleImage> images = images(samples);
        Files.createDirectories(dir);
        for (SampleImage image : images.values()) {
            Images.writePng(image.load(), dir.resolve(Conversation.pathOf(image)));
        }
        Path dataFile = dir.resolve(options.format().dataFile());
        switch (options.format()) {
            case DESKPILOT -> writeDeskpilot(samples, dataFile);
            case SHAREGPT -> writeShareGpt(samples, dataFile, options.historyImages());
            case JSONL -> writeMessages(samples, dataFile, options.historyImages());
        }
        if (options.format() != DatasetFormat.DESKPILOT) {
            writeDatasetInfo(dir, options.format());
        }
        writeManifest(dir, options, samples.size(), images.size());
        return new Summary(dir, samples.size(), images.size(), dataFile);
    }

    /** Every image the samples show, by name; the same name must always mean the same picture. */
    private static Map<String, SampleImage> images(List<Sample> samples) throws DatasetException {
        Map<String, SampleImage> byName = new LinkedHashMap<>();
        for (Sample sample : samples) {
            Stream<SampleImage> shown = Stream.concat(
                    sample.history().stream().flatMap(t -> t.image().stream()), Stream.of(sample.image()));
            for (SampleImage image : shown.toList()) {
                SampleImage known = byName.putIfAbsent(image.name(), image);
                if (known != null && !known.equals(image)) {
                    throw DatasetException.in(
                            image.file(),
                            "has the image name '" + image.name() + "' that " + known.file()
                                    + " already has; two runs with the same folder name cannot go into one dataset");
                }
            }
        }
        return byName;
    }

    private static void writeDeskpilot(List<Sample> samples, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Sample s : samples) {
                ObjectNode line = JsonFiles.JSON.createObjectNode();
                line.put("id", s.id());
                line.put("instruction", s.instruction());
                line.put("image", Conversation.pathOf(s.image()));
                line.put("imageSize", s.image().size().toString());
                ArrayNode history = line.putArray("history");
                for (Turn t : s.history()) {
                    ObjectNode turn = history.addObject();
                    t.image().ifPresent(i -> turn.put("image", Conversation.pathOf(i)));
                    turn.put("reply", t.reply());
                }
                line.put("reply", s.reply());
                out.write(JsonFiles.JSON.writeValueAsString(line));
                out.newLine();
            }
        }
    }

    private static void writeShareGpt(List<Sample> samples, Path file, int historyImages) throws IOException {
        ArrayNode all = JsonFiles.JSON.createArrayNode();
        for (Sample s : samples) {
            Conversation c = Conversation.of(s, historyImages, Conversation::pathOf);
            ObjectNode entry = all.addObject();
            entry.put("id", s.id());
            ArrayNode turns = entry.putArray("conversations");
            for (Conversation.Message m : c.messages()) {
                turns.addObject().put("from", m.user() ? "human" : "gpt").put("value", m.content());
            }
            ArrayNode images = entry.putArray("images");
            c.images().forEach(images::add);
        }
        JsonFiles.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
    }

    private static void writeMessages(List<Sample> samples, Path file, int historyImages) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Sample s : samples) {
                Conversation c = Conversation.of(s, historyImages, Conversation::pathOf);
                ObjectNode line = JsonFiles.JSON.createObjectNode();
                line.put("id", s.id());
                ArrayNode messages = line.putArray("messages");
                for (Conversation.Message m : c.messages()) {
                    messages.addObject()
                            .put("role", m.user() ? "user" : "assistant")
                            .put("content", m.content());
                }
                ArrayNode images = line.putArray("images");
                c.images().forEach(images::add);
                out.write(JsonFiles.JSON.writeValueAsString(line));
                out.newLine();
            }
        }
    }

    /** Registers the data file with LLaMA-Factory under the name {@code deskpilot}. */
    private static void writeDatasetInfo(Path dir, DatasetFormat format) throws IOException {
        ObjectNode info = JsonFiles.JSON.createObjectNode();
        ObjectNode entry = info.putObject("deskpilot");
        entry.put("file_name", format.dataFile());
        entry.put("formatting", "sharegpt");
        ObjectNode columns = entry.putObject("columns");
        if (format == DatasetFormat.SHAREGPT) {
            columns.put("messages", "conversations");
            columns.put("images", "images");
        } else {
            columns.put("messages", "messages");
            columns.put("images", "images");
            entry.putObject("tags")
                    .put("role_tag", "role")
                    .put("content_tag", "content")
                    .put("user_tag", "user")
                    .put("assistant_tag", "assistant");
        }
        JsonFiles.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve(DATASET_INFO).toFile(), info);
    }

    private static void writeManifest(Path dir, Options options, int samples, int images) throws IOException {
        ObjectNode m = JsonFiles.JSON.createObjectNode();
        m.put("format", options.format().word());
        m.put("version", VERSION);
        m.put("file", options.format().dataFile());
        m.put("samples", samples);
        m.put("images", images);
        m.put("coordinates", options.space().coordinates().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode resize = m.putObject("resize");
        resize.put("factor", options.space().resize().factor());
        resize.put("minPixels", options.space().resize().minPixels());
        resize.put("maxPixels", options.space().resize().maxPixels());
        m.put("promptLanguage", Sample.PROMPT_LANGUAGE);
        if (options.format() != DatasetFormat.DESKPILOT) {
            m.put("historyImages", options.historyImages());
        }
        JsonFiles.JSON
                .writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve(MANIFEST).toFile(), m);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
