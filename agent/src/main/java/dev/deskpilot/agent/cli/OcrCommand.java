package dev.deskpilot.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deskpilot.actions.Rect;
import dev.deskpilot.perception.Displays;
import dev.deskpilot.perception.RobotScreen;
import dev.deskpilot.perception.TextLine;
import dev.deskpilot.perception.TextReader;
import dev.deskpilot.perception.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deskpilot ocr}: prints the text the agent's screen reader ({@link TextReader}) reads on an
 * image file or on a running X display, to see what OCR makes of a screen.
 */
@Command(
        name = "ocr",
        mixinStandardHelpOptions = true,
        description = "Read the text on a screenshot file, or on a running X display, with the screen reader the"
                + " agent uses (PP-OCRv4 on ONNX Runtime), and print it in reading order. Each output line is one"
                + " text line (or one word with --words): its box as x,y,w,h in pixels, the confidence and the text,"
                + " separated by tabs. With --json the output is one JSON document of lines with their words."
                + " A screen without text prints nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the image was read (also when it holds no text)",
            "1:reading failed at run time",
            "2:bad input: no such image, not an image, a missing or broken model file, a bad option"
        })
final class OcrCommand implements Callable<Integer> {
    private static final Pattern LOCAL_DISPLAY = Pattern.compile(":(\\d+)(\\.\\d+)?");

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "IMAGE",
            arity = "0..1",
            description = "The image file to read (PNG, JPEG, BMP or GIF). Give this or --display.")
    Path image;

    @Option(
            names = "--display",
            paramLabel = ":N",
            description = "Read what a running X display shows now (e.g. :0) instead of an image file.")
    String display;

    @Option(names = "--json", description = "Print one JSON document with every line and its words.")
    boolean json;

    @Option(names = "--words", description = "Print one output line per word instead of per text line.")
    boolean words;

    @Option(
            names = "--det-model",
            paramLabel = "FILE",
            description = "A PP-OCR DB text detection model (.onnx) to use instead of the bundled PP-OCRv4 one."
                    + " Give it together with --rec-model and --dictionary.")
    Path detectionModel;

    @Option(
            names = "--rec-model",
            paramLabel = "FILE",
            description = "A PP-OCR CTC text recognition model (.onnx, 48-pixel-high input) to use instead of the"
                    + " bundled one. Give it together with --det-model and --dictionary.")
    Path recognitionModel;

    @Option(
            names = "--dictionary",
            paramLabel = "FILE",
            description = "The recognition model's dictionary, one character per line. Give it together with"
                    + " --det-model and --rec-model.")
    Path dictionary;

    @Override
    public Integer call() throws Exception {
        if (image != null && display != null) {
            throw new BadInputException("give an IMAGE file or --display :N, not both");
        }
        if (image == null && display == null) {
            throw new BadInputException("give an IMAGE file to read, or --display :N to read a screen");
        }
        BufferedImage screenshot = image != null ? readImage(image) : capture(display);
        List<TextLine> lines;
        try (TextReader reader = openReader()) {
            lines = reader.read(screenshot);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(OcrJson.document(screenshot.getWidth(), screenshot.getHeight(), lines)));
        } else {
            for (TextLine line : lines) {
                if (words) {
                    for (Word word : line.words()) {
                        out.println(row(word.box(), word.confidence(), word.text()));
                    }
                } else {
                    out.println(row(line.box(), line.confidence(), line.text()));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private TextReader openReader() throws BadInputException {
        List<String> given = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        (detectionModel != null ? given : missing).add("--det-model");
        (recognitionModel != null ? given : missing).add("--rec-model");
        (dictionary != null ? given : missing).add("--dictionary");
        if (given.isEmpty()) {
            return TextReader.open();
        }
        if (!missing.isEmpty()) {
            throw new BadInputException("--det-model, --rec-model and --dictionary go together: "
                    + String.join(" and ", given) + " given without " + String.join(" and ", missing));
        }
        return TextReader.open(detectionModel, recognitionModel, dictionary);
    }

    private static BufferedImage readImage(Path file) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such image file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a file");
        }
        BufferedImage read;
        try {
            read = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the image: " + e.getMessage());
        }
        if (read == null) {
            throw new BadInputException(file + ": not an image (PNG, JPEG, BMP or GIF expected)");
        }
        return read;
    }

    private static BufferedImage capture(String display) throws BadInputException {
        Matcher local = LOCAL_DISPLAY.matcher(display);
        // Checked first: AWT ends the process with an Error when it cannot reach the server.
        if (local.matches() && !Files.exists(Path.of("/tmp/.X11-unix/X" + local.group(1)))) {
            throw new BadInputException(
                    "no X display " + display + " is running (no socket /tmp/.X11-unix/X" + local.group(1) + ")");
        }
        try {
            Displays.connect(display);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(e.getMessage());
        }
        return RobotScreen.open().capture().image();
    }

    /** One tab-separated output row: box, confidence, text. */
    private static String row(Rect box, double confidence, String text) {
        return String.format(
                Locale.ROOT, "%d,%d,%d,%d\t%.3f\t%s", box.x(), box.y(), box.width(), box.height(), confidence, text);
    }
}
