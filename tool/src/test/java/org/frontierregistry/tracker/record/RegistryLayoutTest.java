package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLayoutTest {
    @TempDir
    Path folder;

    @Test
    void recordFilesAreTheYamlFilesSortedAsTheirPathsSort() throws IOException {
        Path models = Files.createDirectories(folder.resolve("models"));
        for (String name : List.of("b.yaml", "a.yaml", "a-b.yaml", "A.yaml", "a.yaml.bak", "notes.txt", "c.yml", "Z9.yaml", "_x.yaml")) {
            Files.writeString(models.resolve(name), "id: x\n");
        }

        assertEquals(sortedYamlPaths(models), RegistryLayout.yamlFilesIn(models));
        assertEquals(List.of("A.yaml", "Z9.yaml", "_x.yaml", "a-b.yaml", "a.yaml", "b.yaml"),
                RegistryLayout.yamlFilesIn(models).stream().map(f -> f.getFileName().toString()).toList());
    }

    @Test
    void namesBeyondAsciiSortAsTheirPathsSort() throws IOException {
        Path models = Files.createDirectories(folder.resolve("models"));
        // UTF-16 order and the file system's byte order differ for characters beyond U+FFFF and U+E000-U+FFFF.
        for (String name : List.of("z.yaml", "é.yaml", "\uFB01.yaml", "\uD83D\uDE00.yaml", "a.yaml")) {
            Files.writeString(models.resolve(name), "id: x\n");
        }

        assertEquals(sortedYamlPaths(models), RegistryLayout.yamlFilesIn(models));
    }

    @Test
    void aFileNameStandsForTheIdBeforeItsYamlEnding() {
        assertEquals("gpt-4", RegistryLayout.idOf("gpt-4.yaml"));
        assertEquals("a.yaml", RegistryLayout.idOf("a.yaml.yaml"));
        assertEquals("notes.txt", RegistryLayout.idOf("notes.txt"));
    }

    @Test
    void aMissingFolderHasNoRecordFiles() {
        assertEquals(List.of(), RegistryLayout.yamlFilesIn(folder.resolve("nothing-here")));
    }

    @Test
    void aFolderNamedLikeARecordIsReportedAsUnreadable() throws IOException {
        TempRegistry registry = TempRegistry.in(folder);
        Files.createDirectories(registry.root().resolve("models/not-a-file.yaml"));

        Run run = registry.run("validate");

        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("models/not-a-file.yaml") && run.out().contains("cannot read the file"), run.all());
        String problem = run.out().lines().filter(line -> line.contains("cannot read the file")).findFirst().orElseThrow();
        assertEquals(1, problem.split("not-a-file", -1).length - 1, "the path is named once: " + problem);
    }

    @Test
    void eachUseOfTheTrendsHasItsOwnCacheFileBesideTheValidationCache() {
        RegistryLayout layout = TempRegistry.in(folder).layout();

        Path site = layout.trendsCacheFile("site").orElseThrow();
        Path stats = layout.trendsCacheFile("stats").orElseThrow();

        assertNotEquals(site, stats);
        assertEquals(site.getParent(), stats.getParent());
        assertEquals(layout.cacheFile().orElseThrow().getParent().resolveSibling("trends"), site.getParent());
        assertTrue(layout.withoutCache().trendsCacheFile("site").isEmpty(), "--no-cache keeps no trends");
        assertThrows(IllegalArgumentException.class, () -> layout.trendsCacheFile("../site"));
    }

    private static List<Path> sortedYamlPaths(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
