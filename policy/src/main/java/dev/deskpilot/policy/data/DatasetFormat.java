package dev.deskpilot.policy.data;

import java.util.Locale;

/**
 * The file formats {@link DatasetWriter} writes and {@link DatasetReader} reads back; every format
 * also gets a {@code dataset.json} manifest and an {@code images/} folder. Described in
 * docs/dataset-formats.md.
 */
public enum DatasetFormat {
    /** deskpilot's own: one sample per line, with instruction, image, history and reply as fields. */
    DESKPILOT("samples.jsonl"),
    /**
     * ShareGPT-style multimodal conversations in one JSON array ({@code conversations} with {@code
     * from}/{@code value}, {@code <image>} placeholders, an {@code images} list), as LLaMA-Factory
     * reads it; a {@code dataset_info.json} registers it.
     */
    SHAREGPT("sharegpt.json"),
    /**
     * One conversation per line in the OpenAI-style {@code messages} form ({@code role}/{@code
     * content}, {@code <image>} placeholders, an {@code images} list), as ms-swift reads it (and
     * LLaMA-Factory with the role tags in the {@code dataset_info.json} written beside it).
     */
    JSONL("data.jsonl");

    private final String dataFile;

    DatasetFormat(String dataFile) {
        this.dataFile = dataFile;
    }

    /** The file that holds the samples, relative to the dataset folder. */
    public String dataFile() {
        return dataFile;
    }

    /** The lowercase name used on the command line and in dataset.json. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #word()}; throws naming the known formats otherwise. */
    public static DatasetFormat fromWord(String word) {
        for (DatasetFormat f : values()) {
            if (f.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "dataset format must be deskpilot, sharegpt or jsonl, was '" + Snippet.of(word) + "'");
    }
}
