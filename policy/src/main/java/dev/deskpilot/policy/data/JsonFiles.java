package dev.deskpilot.policy.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading JSON and JSON Lines files with errors that name the file and line. */
final class JsonFiles {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonFiles() {}

    /** One parsed line of a JSON Lines file. */
    record Line(Where where, JsonNode value) {}

    /** A whole JSON file. */
    static JsonNode read(Path file) throws DatasetException {
        String text = readText(file);
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw DatasetException.at(file, line, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * The non-blank lines of a JSON Lines file, each parsed.
     *
     * @param unfinishedLastLine what a last line without its newline that does not parse is: true
     *     for files appended step by step (a process killed mid-write leaves such a line, and
     *     everything before it is whole), so it is left out; false for files written at once, where
     *     it is an error like any other
     */
    static List<Line> readLines(Path file, boolean unfinishedLastLine) throws DatasetException {
        String text = readText(file);
        String[] lines = text.split("\n", -1);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.length - 1; // no newline after it
            try {
                out.add(new Line(new Where(file, i + 1), JSON.readTree(line)));
            } catch (JsonProcessingException e) {
                if (last && unfinishedLastLine) {
                    break;
                }
                throw DatasetException.at(file, i + 1, "not valid JSON: " + firstLine(e.getOriginalMessage()));
            }
        }
        return out;
    }

    static String readText(Path file) throws DatasetException {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                // Decoding replaced bytes that are not UTF-8; check strictly to say so instead.
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw DatasetException.in(file, "no such file");
        } catch (CharacterCodingException e) {
            throw DatasetException.in(file, "not UTF-8 text");
        } catch (IOException e) {
            throw DatasetException.in(file, "cannot read: " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "syntax error" : message;
        int cut = m.indexOf('\n');
        return cut < 0 ? m : m.substring(0, cut);
    }
}
