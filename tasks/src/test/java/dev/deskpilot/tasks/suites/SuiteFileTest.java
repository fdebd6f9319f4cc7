package dev.deskpilot.tasks.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskpilot.tasks.env.Family;
import dev.deskpilot.tasks.families.Families;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Suite files")
class SuiteFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("every file in tasks/suites is bundled, reads, and has disjoint train and test seeds")
    void bundled() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("suites"))) {
            files = list.map(p -> p.getFileName().toString().replace(".json", ""))
                    .sorted()
                    .toList();
        }
        assertEquals(SuiteFile.BUNDLED.stream().sorted().toList(), files);
        for (String name : SuiteFile.BUNDLED) {
            Suite s = SuiteFile.resolve(name);
            assertEquals(name, s.name());
            assertFalse(s.train().overlaps(s.test()));
        }
    }

    @Test
    @DisplayName("the core suite has every family")
    void coreHasEveryFamily() throws IOException {
        assertEquals(
                Families.all().stream().map(Family::name).toList(),
                SuiteFile.resolve("core").families().stream()
                        .map(Suite.Entry::family)
                        .toList());
    }

    @Test
    @DisplayName("overlapping seed ranges are refused with both ranges named")
    void overlap() throws IOException {
        Path file = write("""
                {"name": "x", "screen": "800x600", "families": [{"family": "click-button", "episodes": 2}],
                 "train": {"from": 0, "count": 100}, "test": {"from": 50, "count": 10}}
                """);
        var e = assertThrows(IOException.class, () -> SuiteFile.read(file));
        assertTrue(e.getMessage().contains("0..99") && e.getMessage().contains("50..59"), e::getMessage);
    }

    @Test
    @DisplayName("an unknown family is named with the known ones")
    void unknownFamily() throws IOException {
        Path file = write("""
                {"name": "x", "screen": "800x600", "families": [{"family": "click-buton", "episodes": 2}],
                 "train": {"from": 0, "count": 100}, "test": {"from": 100, "count": 10}}
                """);
        var e = assertThrows(IOException.class, () -> SuiteFile.read(file));
        assertTrue(
                e.getMessage().contains("families[0].family") && e.getMessage().contains("click-button"),
                e::getMessage);
    }

    @Test
    @DisplayName("a misspelt field is refused")
    void unknownField() throws IOException {
        Path file = write("""
                {"name": "x", "screen": "800x600", "familes": [], "train": {"from": 0, "count": 1}, "test": {"from": 1, "count": 1}}
                """);
        var e = assertThrows(IOException.class, () -> SuiteFile.read(file));
        assertTrue(e.getMessage().contains("'familes'"), e::getMessage);
    }

    @Test
    @DisplayName("episodes run the first seeds of the split, family by family")
    void episodes() throws IOException {
        Suite smoke = SuiteFile.resolve("smoke");
        List<EpisodeRef> refs = Evaluation.episodes(smoke, Suite.Split.TEST, 2);
        assertEquals(2 * smoke.families().size(), refs.size());
        assertEquals(
                new EpisodeRef(
                        smoke.families().getFirst().family(), 1, smoke.test().from() + 1),
                refs.get(1));
        assertTrue(refs.stream().allMatch(r -> r.seed() >= smoke.test().from()));
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("suite.json");
        Files.writeString(file, json);
        return file;
    }
}
