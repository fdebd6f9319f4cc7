package dev.deskpilot.agent.cli;

import dev.deskpilot.tasks.env.Episode;
import dev.deskpilot.tasks.suites.EvalResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An evaluation as JUnit XML, the format CI systems read test results from: one {@code <testcase>}
 * per episode, named {@code family/seed}, with a {@code <failure>} saying why when the reward is
 * not 1. So a CI page lists each episode as a test and shows which ones failed.
 */
final class JunitReport {
    private JunitReport() {}

    /** Writes {@code result} to {@code file} (replacing it whole, never half-written). */
    static void write(Path file, EvalResult result) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            write(xml, result);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML to " + file + ": " + e.getMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The default place: beside the results JSON, {@code X.json} becoming {@code X.junit.xml}. */
    static Path besides(Path json) {
        String name = json.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return json.resolveSibling(stem + ".junit.xml");
    }

    /** Why an episode failed, in one line: how it ended, the goal values it missed, any error. */
    static String reason(Episode e) {
        StringBuilder why = new StringBuilder("reward " + e.reward() + ", ended " + e.ending() + " after " + e.steps()
                + " step" + (e.steps() == 1 ? "" : "s"));
        if (!e.misses().isEmpty()) {
            why.append("; missed ").append(String.join(", ", e.misses()));
        }
        if (!e.error().isEmpty()) {
            why.append("; ").append(e.error());
        }
        return why.toString();
    }

    private static void write(XMLStreamWriter xml, EvalResult result) throws XMLStreamException {
        long failures = result.results().stream().filter(e -> !e.success()).count();
        String suiteName = "deskpilot eval " + result.suite() + " (" + result.split() + ", " + result.policy() + ", "
                + result.backend() + ")";
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", suiteName);
        xml.writeAttribute("tests", Integer.toString(result.episodes()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", seconds(result.durationMs()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suiteName);
        xml.writeAttribute("tests", Integer.toString(result.episodes()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(result.durationMs()));
        xml.writeAttribute("timestamp", result.startedAt());
        for (Episode e : result.results()) {
            xml.writeCharacters("\n    ");
            if (e.success()) {
                xml.writeEmptyElement("testcase");
                testcase(xml, e);
                continue;
            }
            xml.writeStartElement("testcase");
            testcase(xml, e);
            xml.writeCharacters("\n      ");
            String why = reason(e);
            xml.writeStartElement("failure");
            xml.writeAttribute("message", why);
            xml.writeAttribute("type", e.ending());
            xml.writeCharacters(why + "\nend state: " + new TreeMap<>(e.state()));
            xml.writeEndElement();
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void testcase(XMLStreamWriter xml, Episode e) throws XMLStreamException {
        xml.writeAttribute("classname", e.family());
        xml.writeAttribute("name", e.family() + "/" + e.seed());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
