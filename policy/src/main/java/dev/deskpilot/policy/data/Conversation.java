package dev.deskpilot.policy.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A sample as the chat-style formats hold it: the UI-TARS conversation, with screenshots as
 * {@code <image>} placeholders and a separate list of image paths.
 *
 * <p>Each step is a user turn with its screenshot and an assistant turn with its reply, oldest
 * first; the prompt opens the first user turn, and the last assistant turn is the answer to learn.
 * Only the newest {@code historyImages} earlier screenshots are kept (UI-TARS keeps five images in
 * all); a user turn whose screenshot is left out says {@value #OMITTED} instead, so that turns
 * still alternate, as the fine-tuning tools require.
 */
record Conversation(List<Message> messages, List<String> images) {
    static final String IMAGE = "<image>";
    static final String OMITTED = "(screenshot omitted)";
    private static final String INSTRUCTION_HEADING = "## User Instruction\n";

    record Message(boolean user, String content) {}

    Conversation {
        messages = List.copyOf(messages);
        images = List.copyOf(images);
    }

    /**
     * The conversation for a sample.
     *
     * @param historyImages how many earlier screenshots to keep, newest first
     * @param pathOf where an image is stored, relative to the dataset folder
     */
    static Conversation of(Sample sample, int historyImages, Function<SampleImage, String> pathOf) {
        List<Turn> turns = new ArrayList<>(sample.history());
        turns.add(new Turn(Optional.of(sample.image()), sample.reply()));
        int firstKept = turns.size() - 1 - historyImages;
        List<Message> messages = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (int k = 0; k < turns.size(); k++) {
            Turn turn = turns.get(k);
            String prefix = k == 0 ? sample.prompt() : "";
            if (k >= firstKept && turn.image().isPresent()) {
                messages.add(new Message(true, prefix + IMAGE));
                images.add(pathOf.apply(turn.image().get()));
            } else {
                messages.add(new Message(true, prefix + OMITTED));
            }
            messages.add(new Message(false, turn.reply()));
        }
        return new Conversation(messages, images);
    }

    /**
     * Reads a conversation back into a sample.
     *
     * @param imageAt the image stored at a path relative to the dataset folder
     */
    Sample toSample(String id, Where where, ImageLookup imageAt) throws DatasetException {
        if (messages.size() < 2 || messages.size() % 2 != 0) {
            throw where.error(
                    "a conversation needs user and assistant turns in pairs, it has " + messages.size() + " messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).user() != (i % 2 == 0)) {
                throw where.error("message " + (i + 1) + " should be from the " + (i % 2 == 0 ? "user" : "assistant")
                        + "; turns must alternate, starting with the user");
            }
        }
        String first = messages.getFirst().content();
        int heading = first.lastIndexOf(INSTRUCTION_HEADING);
        if (heading < 0) {
            throw where.error("the first user message is not a UI-TARS prompt (it has no '"
                    + INSTRUCTION_HEADING.strip() + "' section)");
        }
        int nextImage = 0;
        List<Turn> turns = new ArrayList<>();
        String instruction = "";
        for (int i = 0; i < messages.size(); i += 2) {
            String content = messages.get(i).content();
            boolean hasImage = content.endsWith(IMAGE);
            if (!hasImage && !content.endsWith(OMITTED)) {
                throw where.error("user message " + (i + 1) + " must end with " + IMAGE + " or " + OMITTED);
            }
            String text = content.substring(0, content.length() - (hasImage ? IMAGE : OMITTED).length());
            if (i == 0) {
                instruction =
                        text.substring(heading + INSTRUCTION_HEADING.length()).strip();
            } else if (!text.isEmpty()) {
                throw where.error(
                        "user message " + (i + 1) + " has text besides its screenshot: '" + Snippet.of(text) + "'");
            }
            Optional<SampleImage> image = Optional.empty();
            if (hasImage) {
                if (nextImage >= images.size()) {
                    throw where.error("more " + IMAGE + " placeholders than the " + images.size() + " images listed");
                }
                image = Optional.of(imageAt.at(images.get(nextImage++), where));
            }
            turns.add(new Turn(image, messages.get(i + 1).content()));
        }
        if (nextImage != images.size()) {
            throw where.error(images.size() + " images listed but " + nextImage + " " + IMAGE + " placeholders");
        }
        Turn current = turns.removeLast();
        if (current.image().isEmpty()) {
            throw where.error("the last user message must show the current screenshot (" + IMAGE + ")");
        }
        try {
            return new Sample(id, instruction, current.image().get(), turns, current.reply());
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
    }

    /** Finds the image at a path written in a dataset file. */
    @FunctionalInterface
    interface ImageLookup {
        SampleImage at(String relativePath, Where where) throws DatasetException;
    }

    /** The image name a path in a dataset stands for: {@code images/run/0003.png} is {@code run/0003}. */
    static String nameOf(String relativePath) {
        String name = relativePath.startsWith("images/") ? relativePath.substring("images/".length()) : relativePath;
        return name.endsWith(".png") ? name.substring(0, name.length() - ".png".length()) : name;
    }

    /** The path an image is stored at in a dataset. */
    static String pathOf(SampleImage image) {
        return "images/" + image.name() + ".png";
    }

    /** Resolves a relative dataset path, refusing one that leaves the dataset folder. */
    static Path resolve(Path dir, String relativePath, Where where) throws DatasetException {
        Path p = dir.resolve(relativePath).normalize();
        if (Path.of(relativePath).isAbsolute() || !p.startsWith(dir.normalize())) {
            throw where.error("image path '" + Snippet.of(relativePath) + "' must be relative and inside " + dir);
        }
        return p;
    }
}
