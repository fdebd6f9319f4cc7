package dev.deskpilot.vlm.weights;

import dev.deskpilot.vlm.ModelConfig;
import dev.deskpilot.vlm.ModelFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A full set of float32 parameters for a config, checked against its {@link ParameterLayout}:
 * every tensor present with the shape the config implies, and nothing else.
 */
public final class ModelWeights {
    private final ModelConfig config;
    private final Map<String, Tensor> tensors;

    private ModelWeights(ModelConfig config, Map<String, Tensor> tensors) {
        this.config = config;
        this.tensors = tensors;
    }

    /**
     * Wraps tensors after checking them against the config; {@code source} names where they came
     * from in the error.
     */
    public static ModelWeights of(ModelConfig config, Map<String, Tensor> tensors, Path source) {
        Objects.requireNonNull(config, "config");
        var layout = ParameterLayout.of(config);
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (var p : layout.params()) {
            Tensor t = tensors.get(p.name());
            if (t == null) {
                missing.add(p.name());
                continue;
            }
            if (!t.hasShape(p.shape())) {
                throw new ModelFileException(
                        source,
                        "does not match config '" + config.name() + "': tensor "
                                + p.name() + " has shape " + Arrays.toString(t.shape()) + ", the config implies "
                                + Arrays.toString(p.shape()));
            }
            ordered.put(p.name(), t);
        }
        if (!missing.isEmpty()) {
            throw new ModelFileException(
                    source,
                    "does not match config '" + config.name() + "': " + missing.size() + " tensor(s) missing, first "
                            + missing.get(0));
        }
        for (String name : tensors.keySet()) {
            if (!ordered.containsKey(name)) {
                throw new ModelFileException(
                        source,
                        "does not match config '" + config.name() + "': unexpected tensor " + name
                                + " (a config with more layers, experts or grounding?)");
            }
        }
        return new ModelWeights(config, Collections.unmodifiableMap(ordered));
    }

    /** Reads and checks a safetensors file written by {@link #write}. */
    public static ModelWeights read(ModelConfig config, Path file) {
        var layout = ParameterLayout.of(config);
        try (var in = SafetensorsFile.open(file)) {
            // Check names and shapes from the header before reading any data.
            for (String name : in.names()) {
                var p = layout.param(name)
                        .orElseThrow(() -> new ModelFileException(
                                file,
                                "does not match config '" + config.name() + "': unexpected tensor " + name
                                        + " (a config with more layers, experts or grounding?)"));
                if (!Arrays.equals(p.shape(), in.entry(name).shape())) {
                    throw new ModelFileException(
                            file,
                            "does not match config '" + config.name() + "': tensor " + name
                                    + " has shape "
                                    + Arrays.toString(in.entry(name).shape()) + ", the config implies "
                                    + Arrays.toString(p.shape()));
                }
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (var p : layout.params()) {
                if (!in.contains(p.name())) {
                    throw new ModelFileException(
                            file, "does not match config '" + config.name() + "': tensor " + p.name() + " is missing");
                }
                tensors.put(p.name(), in.read(p.name()));
            }
            return of(config, tensors, file);
        }
    }

    /** Writes all tensors as one F32 safetensors file. */
    public void write(Path file) throws IOException {
        Safetensors.write(file, tensors, Map.of("format", "pt", "config", config.name()), DType.F32);
    }

    public ModelConfig config() {
        return config;
    }

    /** A tensor by checkpoint name; throws naming it if absent. */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no weight named " + name + " in config '" + config.name() + "'");
        }
        return t;
    }

    /** All tensors in checkpoint order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }
}
