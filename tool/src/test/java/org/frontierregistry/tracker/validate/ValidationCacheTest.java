package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.CacheLeftovers;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation cache only ever saves time: every answer is the one a fresh read gives, after an edit,
 * a schema change, a new tool build or a damaged cache file.
 */
class ValidationCacheTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path folder;

    private TempRegistry registryWithTwoRecords() {
        TempRegistry registry = TempRegistry.in(folder.resolve("registry"));
        registry.write("model-a", RecordYaml.of("model-a", "Model A", "uncertain", null));
        registry.write("model-b", RecordYaml.of("model-b", "Model B", "uncertain", null));
        return registry;
    }

    private static Path cacheFile(TempRegistry registry) {
        return registry.layout().cacheFile().orElseThrow();
    }

    @Test
    void theCacheLivesOutsideTheRegistryAndASecondRunUsesItWithoutRewritingIt() throws IOException {
        TempRegistry registry = registryWithTwoRecords();
        Run first = registry.run("validate");
        assertEquals(ExitCodes.OK, first.exitCode(), first.all());
        Path cache = cacheFile(registry);
        assertTrue(Files.isRegularFile(cache), "the first run writes the cache");
        assertFalse(cache.startsWith(registry.root()), "the cache is kept outside the checkout: " + cache);
        Files.setLastModifiedTime(cache, LONG_AGO);

        Run again = registry.run("validate");

        assertEquals(first, again);
        assertEquals(LONG_AGO, Files.getLastModifiedTime(cache), "nothing new was learnt, so nothing was written");
    }

    @Test
    void aRunThatWritesTheCacheRemovesWhatARunKilledLongAgoLeftInTheSharedFolder() throws IOException {
        TempRegistry registry = registryWithTwoRecords();
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        try (CacheLeftovers leftovers = CacheLeftovers.in(cacheFile(registry).getParent())) {
            registry.run("validate");
            leftovers.assertBothAreThere();
            registry.write("model-a", RecordYaml.of("model-a", "Model A, renamed", "uncertain", null));
            registry.run("validate");

            leftovers.assertOnlyTheAbandonedOneIsGone();
        }
    }

    @Test
    void theSchemaIsCheckedAgainstTheRulesOfJsonSchemaOncePerSchemaText() throws IOException {
        TempRegistry registry = registryWithTwoRecords();
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        Path mark = cacheFile(registry).resolveSibling(cacheFile(registry).getFileName().toString().replace(".cache", ".schema-rules"));
        assertTrue(Files.isRegularFile(mark), "the first run checks the schema and remembers it beside the cache");
        Files.setLastModifiedTime(mark, LONG_AGO);

        registry.write("model-a", RecordYaml.of("model-a", "Model A, renamed", "uncertain", null));
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        assertEquals(LONG_AGO, Files.getLastModifiedTime(mark), "an edited record is checked against a schema already known to keep the rules");

        Path schema = registry.layout().schemaFile();
        Files.writeString(schema, Files.readString(schema).replace("\"title\": \"Model record\"", "\"title\": \"A model record\""));
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        assertTrue(Files.getLastModifiedTime(mark).compareTo(LONG_AGO) > 0, "an edited schema is checked again");
    }

    @Test
    void treesOfReplacedContentsAreDroppedOnceTheyAreManyNotAfterEveryEdit() throws IOException {
        TempRegistry registry = registryWithTwoRecords(); // no estimates: warnings, so every run reads every tree
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        Path file = registry.root().resolve("models/model-b.yaml");
        int largest = 0;
        boolean shrank = false;
        for (int edit = 1; edit <= 40; edit++) {
            Files.writeString(file, Files.readString(file) + "# edit " + edit + "\n");
            assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
            int trees = Files.readAllLines(cacheFile(registry)).size() - 1;
            assertTrue(trees <= 2 + 17, "the two live trees and at most 17 others, not " + trees + " after edit " + edit);
            shrank |= trees < largest;
            largest = Math.max(largest, trees);
        }
        assertTrue(largest > 3, "an edit appends its tree: " + largest);
        assertTrue(shrank, "and the file is rewritten without the dead ones once they are many");
    }

    @Test
    void anEditedRecordIsReadAgainAndItsProblemShownAtItsLine() throws IOException {
        TempRegistry registry = registryWithTwoRecords();
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        Path file = registry.root().resolve("models/model-b.yaml");
        Files.writeString(file, Files.readString(file).replace("status: uncertain", "status: bellow"));

        Run edited = registry.run("validate");

        assertEquals(ExitCodes.PROBLEMS, edited.exitCode(), edited.all());
        assertTrue(edited.out().contains("models/model-b.yaml:9:9: error: 'bellow' is not an allowed value of status"),
                edited.out());
    }

    @Test
    void aSchemaChangeIsAppliedToRecordsTheCacheAlreadyPassed() throws IOException {
        TempRegistry registry = registryWithTwoRecords();
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        Path schema = registry.root().resolve(RegistryLayout.SCHEMA);
        Files.writeString(schema, Files.readString(schema).replaceFirst("\"required\"\\s*:\\s*\\[", "\"required\": [\"notes\", "));

        Run stricter = registry.run("validate");

        assertEquals(ExitCodes.PROBLEMS, stricter.exitCode(), stricter.all());
        assertTrue(stricter.out().contains("models/model-a.yaml:2:1: error: missing required field 'notes'"), stricter.out());
        assertTrue(stricter.out().contains("models/model-b.yaml:2:1: error: missing required field 'notes'"), stricter.out());
    }

    @Test
    void aCacheWrittenByAnotherToolBuildOrForAnotherSchemaIsIgnored() {
        Path file = folder.resolve("cache/validation.cache");
        JsonNode tree = new RecordReader().parse(Path.of("model-a.yaml"),
                RecordYaml.of("model-a", "Model A", "uncertain", null).getBytes(StandardCharsets.UTF_8)).document().root();
        String digest = ValidationCache.digest("content".getBytes(StandardCharsets.UTF_8));
        ValidationCache first = ValidationCache.open(file, "build-1", "schema-1");
        first.remember(digest, tree);
        first.save();

        assertEquals(tree, ValidationCache.open(file, "build-1", "schema-1").tree(digest));
        assertNull(ValidationCache.open(file, "build-2", "schema-1").tree(digest), "an upgraded tool starts afresh");
        assertNull(ValidationCache.open(file, "build-1", "schema-2").tree(digest), "a changed schema starts afresh");
    }

    @Test
    void anEntryWhoseTextChangedIsAMiss() throws IOException {
        Path file = folder.resolve("cache/validation.cache");
        JsonNode tree = new RecordReader().parse(Path.of("model-a.yaml"),
                RecordYaml.of("model-a", "Model A", "uncertain", null).getBytes(StandardCharsets.UTF_8)).document().root();
        String digest = ValidationCache.digest("content".getBytes(StandardCharsets.UTF_8));
        ValidationCache cache = ValidationCache.open(file, "build", "schema");
        cache.remember(digest, tree);
        cache.save();
        String text = Files.readString(file);
        Files.writeString(file, text.replace("Model A", "Model B"));

        assertNull(ValidationCache.open(file, "build", "schema").tree(digest));
    }

    @Test
    void aTruncatedOrDamagedCacheFileGivesTheSameAnswerAsNoCache() throws IOException {
        TempRegistry registry = registryWithTwoRecords();
        registry.write("model-c", RecordYaml.of("model-c", "Model C", "uncertain", null).replace("status: uncertain", "status: bellow"));
        Run fresh = registry.run("validate", "--no-cache");
        assertEquals(ExitCodes.PROBLEMS, registry.run("validate").exitCode());
        Path cache = cacheFile(registry);
        byte[] whole = Files.readAllBytes(cache);

        Files.write(cache, Arrays.copyOf(whole, whole.length / 2));
        assertEquals(fresh, registry.run("validate"), "a cut cache file");

        byte[] flipped = Files.readAllBytes(cache);
        flipped[flipped.length - 40] ^= 0x20; // one character of a record's JSON changes case
        Files.write(cache, flipped);
        assertEquals(fresh, registry.run("validate"), "a changed byte");

        Files.write(cache, new byte[] {0, (byte) 0xFF, '\n', 'x'});
        assertEquals(fresh, registry.run("validate"), "garbage");
    }

    @Test
    void noCacheNeitherReadsNorWritesTheCache() {
        TempRegistry registry = registryWithTwoRecords();

        Run run = registry.run("validate", "--no-cache");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertFalse(Files.exists(cacheFile(registry)));
    }

    @Test
    void aValidatorToldToStopWritingLeavesTheCacheAsItWas() throws IOException {
        TempRegistry registry = TempRegistry.in(folder.resolve("registry"));
        registry.copyResource("records/valid/every-method.yaml"); // no warning either: a clean run to remember
        registry.copyResource("records/valid/reference-model.yaml");
        Validator validator = Validator.forRegistry(registry.layout(), java.time.Clock.systemDefaultZone());

        validator.stopWriting();
        ValidationReport report = validator.validateAllFindings(registry.layout());

        assertTrue(report.problems().isEmpty() && report.warnings().isEmpty(), report.problems() + " " + report.warnings());
        Path trees = cacheFile(registry);
        String stem = trees.getFileName().toString().replace(".cache", "");
        for (String written : new String[] {".cache", ".index", ".clean"}) {
            assertFalse(Files.exists(trees.resolveSibling(stem + written)), "nothing was written: " + stem + written);
        }
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode(), "a later run validates as without a cache");
    }

    @Test
    void checksAcrossRecordsStillSeeRecordsTheCacheKnows() {
        TempRegistry registry = registryWithTwoRecords();
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode());
        Path clash = registry.write("model-c", RecordYaml.of("model-c", "Model C", "uncertain", null)
                .replace("name: Model C\n", "name: Model C\naliases: [Model A]\n"));

        Run one = registry.run("validate", clash.toString());
        Run all = registry.run("validate");

        assertEquals(ExitCodes.PROBLEMS, one.exitCode(), one.all());
        assertTrue(one.out().startsWith("models/model-c.yaml:4:11: error: 'Model A' is also a name of record 'model-a'"),
                one.out());
        // The cached record's problem is placed from its own text, read again only for this.
        assertTrue(all.out().contains("models/model-a.yaml:3:7: error: 'Model A' is also a name of record 'model-c'"),
                all.out());
    }

    @Test
    void aCacheThatCannotBeWrittenIsSkipped() throws IOException {
        TempRegistry registry = registryWithTwoRecords();
        Path cache = cacheFile(registry);
        Files.createDirectories(cache.getParent());
        Files.createDirectories(cache); // a folder where the file should be

        Run run = registry.run("validate");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertNotNull(run.out());
        assertTrue(Files.isDirectory(cache));
    }
}
