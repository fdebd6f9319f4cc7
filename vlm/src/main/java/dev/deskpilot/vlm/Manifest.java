package dev.deskpilot.vlm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code model.json}: the config a model directory was built from and how its ONNX graphs were
 * built. The runtime reads it to know the tensor names, sizes and special tokens.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param config the model's shape
 * @param export how the graphs were built
 */
public record Manifest(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("config") ModelConfig config,
        @JsonProperty("export") ExportOptions export) {

    public static final int FORMAT_VERSION = 1;

    public Manifest {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "format_version " + formatVersion + " is not " + FORMAT_VERSION + ", the one this deskpilot reads");
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(export, "export");
    }

    public static Manifest of(ModelConfig config) {
        return new Manifest(FORMAT_VERSION, config, ExportOptions.DEFAULT);
    }

    public static Manifest of(ModelConfig config, ExportOptions export) {
        return new Manifest(FORMAT_VERSION, config, export);
    }

    /** Reads {@code model.json}; errors name the file and the field. */
    public static Manifest read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
        try {
            return ModelConfig.json().readValue(text, Manifest.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ModelFileException(file, cause.getMessage(), e);
        } catch (JacksonException e) {
            throw new ModelFileException(file, e.getOriginalMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, ModelConfig.json().writeValueAsString(this));
    }
}
