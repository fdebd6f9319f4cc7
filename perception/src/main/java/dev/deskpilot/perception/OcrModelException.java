package dev.deskpilot.perception;

/**
 * An OCR model or its dictionary could not be loaded: the file is missing, unreadable, not an
 * ONNX model, or does not fit the other files. The message names the file.
 */
public final class OcrModelException extends RuntimeException {
    public OcrModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public OcrModelException(String message) {
        super(message);
    }
}
