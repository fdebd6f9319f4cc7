package dev.deskpilot.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.perception.ocr.OcrModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees when the OCR model files they point at are wrong: one line that names the
 * file and says what it should have been. (Missing files, random bytes and a dictionary of the
 * wrong size are in {@link TextReaderTest}.)
 */
@DisplayName("TextReader with bad model files")
class OcrModelErrorsTest {
    @TempDir
    static Path dir;

    static Path detection;
    static Path recognition;
    static Path dictionary;

    @BeforeAll
    static void copyBundled() throws IOException {
        detection = bundled(OcrModels.BUNDLED_DETECTION, "det.onnx");
        recognition = bundled(OcrModels.BUNDLED_RECOGNITION, "rec.onnx");
        dictionary = bundled(OcrModels.BUNDLED_DICTIONARY, "keys.txt");
    }

    @Test
    @DisplayName("a truncated model file is named with its role and what it should be, on one line")
    void truncatedModel() throws IOException {
        Path truncated = dir.resolve("truncated-det.onnx");
        byte[] bytes = Files.readAllBytes(detection);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        String message = failure(truncated, recognition, dictionary);
        assertTrue(message.contains(truncated.toString()), message);
        assertTrue(message.contains("detection"), message);
        assertTrue(message.contains("ONNX"), message);
    }

    @Test
    @DisplayName("a recognition model given as the detector, and the other way round, is refused by role")
    void swappedModels() {
        String asDetector = failure(recognition, detection, dictionary);
        assertTrue(asDetector.contains(recognition.toString()), asDetector);
        assertTrue(asDetector.contains("not a DB text detector"), asDetector);
        String asRecogniser = failure(detection, detection, dictionary);
        assertTrue(asRecogniser.contains("recognition model " + detection), asRecogniser);
        assertTrue(asRecogniser.contains("not a CTC recogniser"), asRecogniser);
    }

    @Test
    @DisplayName("a missing or empty dictionary is named")
    void badDictionary() throws IOException {
        Path missing = dir.resolve("no-keys.txt");
        String message = failure(detection, recognition, missing);
        assertTrue(message.contains(missing.toString()) && message.contains("no such file"), message);
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n\n");
        message = failure(detection, recognition, empty);
        assertTrue(message.contains(empty.toString()) && message.contains("no characters"), message);
    }

    @Test
    @DisplayName("a folder given as a model file is named")
    void folderAsModel() {
        String message = failure(detection, dir, dictionary);
        assertTrue(message.contains("recognition model " + dir), message);
    }

    private static String failure(Path det, Path rec, Path dict) {
        var e = assertThrows(
                OcrModelException.class, () -> TextReader.open(det, rec, dict).close());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private static Path bundled(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = OcrModels.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
