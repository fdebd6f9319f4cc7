package dev.deskpilot.policy.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deskpilot.actions.Action;
import dev.deskpilot.actions.CoordinateMapper;
import dev.deskpilot.actions.Size;
import dev.deskpilot.policy.ActionGrammar;
import dev.deskpilot.policy.ActionSyntaxException;
import dev.deskpilot.policy.CoordinateConvention;
import dev.deskpilot.policy.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads training samples from run folders (recorded demonstrations and agent runs alike, straight
 * from run.json, steps.jsonl and the frames) and from datasets that {@link DatasetWriter} exported.
 *
 * <p>From a run folder, every clean step (one that did something and has no error) becomes a
 * sample: its frame, the run's instruction, the earlier steps as history, and its screen actions
 * moved into the {@link SampleSpace} and written in the model's grammar. Steps with an error stay
 * in later samples' history (they did happen) but are not learned from.
 *
 * <p>Nothing is loaded eagerly: samples point at image files, read by {@link SampleImage#load()}.
 */
public final class DatasetReader {
    private final SampleSpace space;

    /** A reader that puts run folders' actions into {@code space}. */
    public DatasetReader(SampleSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    /** Whether {@code dir} holds a run (it has a run.json). */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("run.json"));
    }

    /** Whether {@code dir} holds an exported dataset (it has a dataset.json). */
    public static boolean isDataset(Path dir) {
        return Files.isRegularFile(dir.resolve(DatasetWriter.MANIFEST));
    }

    /**
     * The samples of a run folder or an exported dataset folder, whichever {@code dir} is.
     *
     * @throws DatasetException naming the file and line of the first problem
     */
    public List<Sample> read(Path dir) throws DatasetException {
        if (isRunFolder(dir)) {
            return readRun(Trajectory.read(dir));
        }
        if (isDataset(dir)) {
            return readDataset(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw DatasetException.in(dir, Files.exists(dir) ? "not a folder" : "no such folder");
        }
        throw DatasetException.in(
                dir, "neither a run folder (no run.json) nor an exported dataset (no " + DatasetWriter.MANIFEST + ")");
    }

    /** The samples of one run; see the class comment. */
    public List<Sample> readRun(Trajectory run) throws DatasetException {
        String runName = run.dir().toAbsolutePath().normalize().getFileName().toString();
        List<Sample> samples = new ArrayList<>();
        List<Turn> history = new ArrayList<>();
        for (Trajectory.Step step : run.steps()) {
            if (step.screenActions().isEmpty()) {
                continue;
            }
            Where where = new Where(run.stepsFile(), step.line());
            Size screen = Images.size(step.frame());
            Size model = space.imageSize(screen);
            String name = runName + "/" + "%04d".formatted(step.number());
            SampleImage image = new SampleImage(name, step.frame(), model);
            String reply = reply(step, screen, model, where);
            if (step.error().isEmpty()) {
                samples.add(new Sample(name, run.instruction(), image, history, reply));
            }
            history.add(new Turn(Optional.of(image), reply));
        }
        return samples;
    }

    /** The step's screen actions as a reply in the model's grammar, for an image of size {@code model}. */
    private String reply(Trajectory.Step step, Size screen, Size model, Where where) throws DatasetException {
        ActionGrammar onScreen = new ActionGrammar(CoordinateConvention.ABSOLUTE, screen);
        CoordinateMapper toModel = new CoordinateMapper(screen, model);
        List<Action> actions = new ArrayList<>();
        for (String text : step.screenActions()) {
            try {
                actions.addAll(onScreen.parse("Action: " + text).actions());
            } catch (ActionSyntaxException e) {
                throw where.error("screen action '" + Snippet.of(text) + "': " + e.getMessage());
            }
        }
        try {
            return new ActionGrammar(space.coordinates(), model)
                    .format(new Reply(
                            step.thought(), actions.stream().map(toModel::map).toList()));
        } catch (IllegalArgumentException e) {
            throw where.error("cannot write the step as a reply: " + e.getMessage());
        }
    }

    /** The samples of an exported dataset folder, in the format its dataset.json names. */
    public List<Sample> readDataset(Path dir) throws DatasetException {
        Path manifestFile = dir.resolve(DatasetWriter.MANIFEST);
        JsonNode manifest = JsonFiles.read(manifestFile);
        Where top = new Where(manifestFile, 1);
        top.object(manifest, DatasetWriter.MANIFEST);
        DatasetFormat format;
        try {
            format = DatasetFormat.fromWord(top.requiredString(manifest, "format"));
        } catch (IllegalArgumentException e) {
            throw top.error("field 'format': " + e.getMessage());
        }
        Path data = dir.resolve(format.dataFile());
        ImageCache images = new ImageCache(dir);
        return switch (format) {
            case DESKPILOT -> readDeskpilot(data, images);
            case SHAREGPT -> readShareGpt(data, images);
            case JSONL -> readMessages(data, images);
        };
    }

    private static List<Sample> readDeskpilot(Path file, ImageCache images) throws DatasetException {
        List<Sample> samples = new ArrayList<>();
        for (JsonFiles.Line line : JsonFiles.readLines(file, false)) {
            Where w = line.where();
            JsonNode node = w.object(line.value(), "a sample");
            List<Turn> history = new ArrayList<>();
            JsonNode turns = w.requiredArray(node, "history");
            for (int i = 0; i < turns.size(); i++) {
                JsonNode turn = w.object(turns.get(i), "history[" + i + "]");
                Optional<SampleImage> image = turn.has("image")
                        ? Optional.of(images.at(w.requiredString(turn, "image"), w))
                        : Optional.empty();
                history.add(new Turn(image, w.requiredString(turn, "reply")));
            }
            SampleImage image = images.at(w.requiredString(node, "image"), w);
            String size = w.optionalString(node, "imageSize");
            if (!size.isEmpty() && !size.equals(image.size().toString())) {
                throw w.error("imageSize " + size + " but " + image.file() + " is " + image.size());
            }
            samples.add(sample(
                    w,
                    w.requiredString(node, "id"),
                    w.requiredString(node, "instruction"),
                    image,
                    history,
                    w.requiredString(node, "reply")));
        }
        return samples;
    }

    private static List<Sample> readShareGpt(Path file, ImageCache images) throws DatasetException {
        List<Sample> samples = new ArrayList<>();
        String text = JsonFiles.readText(file);
        try (JsonParser parser = JsonFiles.JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw DatasetException.at(file, 1, "must be a JSON list of conversations");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Where w = new Where(file, parser.currentLocation().getLineNr());
                JsonNode entry = parser.readValueAsTree();
                List<Conversation.Message> messages = new ArrayList<>();
                JsonNode turns = w.requiredArray(entry, "conversations");
                for (int i = 0; i < turns.size(); i++) {
                    JsonNode turn = w.object(turns.get(i), "conversations[" + i + "]");
                    String from = w.requiredString(turn, "from");
                    if (!from.equals("human") && !from.equals("gpt")) {
                        throw w.error(
                                "conversations[" + i + "].from must be human or gpt, was '" + Snippet.of(from) + "'");
                    }
                    messages.add(new Conversation.Message(from.equals("human"), w.requiredString(turn, "value")));
                }
                Conversation c = new Conversation(messages, w.requiredStrings(entry, "images"));
                samples.add(c.toSample(w.requiredString(entry, "id"), w, images::at));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw DatasetException.at(
                        file, parser.currentLocation().getLineNr(), "every entry of the list must be an object");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw DatasetException.at(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            if (e instanceof DatasetException d) {
                throw d;
            }
            throw DatasetException.in(file, "cannot read: " + e.getMessage());
        }
        return samples;
    }

    private static List<Sample> readMessages(Path file, ImageCache images) throws DatasetException {
        List<Sample> samples = new ArrayList<>();
        for (JsonFiles.Line line : JsonFiles.readLines(file, false)) {
            Where w = line.where();
            JsonNode node = w.object(line.value(), "a conversation");
            List<Conversation.Message> messages = new ArrayList<>();
            JsonNode turns = w.requiredArray(node, "messages");
            for (int i = 0; i < turns.size(); i++) {
                JsonNode turn = w.object(turns.get(i), "messages[" + i + "]");
                String role = w.requiredString(turn, "role");
                if (!role.equals("user") && !role.equals("assistant")) {
                    throw w.error("messages[" + i + "].role must be user or assistant, was '" + Snippet.of(role) + "'");
                }
                messages.add(new Conversation.Message(role.equals("user"), w.requiredString(turn, "content")));
            }
            Conversation c = new Conversation(messages, w.requiredStrings(node, "images"));
            samples.add(c.toSample(w.requiredString(node, "id"), w, images::at));
        }
        return samples;
    }

    private static Sample sample(
            Where w, String id, String instruction, SampleImage image, List<Turn> history, String reply)
            throws DatasetException {
        try {
            return new Sample(id, instruction, image, history, reply);
        } catch (IllegalArgumentException e) {
            throw w.error(e.getMessage());
        }
    }

    /** The images of one dataset folder, each file's size read once. */
    private static final class ImageCache {
        private final Path dir;
        private final Map<String, SampleImage> byPath = new HashMap<>();

        ImageCache(Path dir) {
            this.dir = dir;
        }

        SampleImage at(String relativePath, Where where) throws DatasetException {
            SampleImage known = byPath.get(relativePath);
            if (known != null) {
                return known;
            }
            Path file = Conversation.resolve(dir, relativePath, where);
            if (!Files.isRegularFile(file)) {
                throw where.error("image '" + Snippet.of(relativePath) + "' does not exist in " + dir);
            }
            SampleImage image = new SampleImage(Conversation.nameOf(relativePath), file, Images.size(file));
            byPath.put(relativePath, image);
            return image;
        }
    }
}
