package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.record.FileStamp;
import org.frontierregistry.tracker.record.RecordSummary;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validating one file takes the other records from the cache's per-file summaries, and a file whose stamp
 * (size, times, inode) is unchanged is not hashed again. Neither may change an answer: every run here gives
 * exactly what the same run with --no-cache gives.
 */
class ValidationCacheIndexTest {
    @TempDir
    Path folder;

    /** model-c compares with model-b, which compares with model-a, which reports 3.0e25. */
    private TempRegistry chain() {
        TempRegistry registry = TempRegistry.in(folder.resolve("registry"));
        registry.write("model-a", RecordYaml.of("model-a", "Model A", "uncertain", 3.0e25));
        registry.write("model-b", RecordYaml.comparing("model-b", "Model B", "model-a"));
        registry.write("model-c", RecordYaml.comparing("model-c", "Model C", "model-b"));
        registry.write("model-d", RecordYaml.of("model-d", "Model D", "uncertain", null));
        return registry;
    }

    /** Validates model-c alone, with the cache and without; the two must agree. */
    private static Run validateC(TempRegistry registry) {
        String file = registry.root().resolve("models/model-c.yaml").toString();
        Run cached = registry.run("validate", "--verbose", file);
        assertEquals(registry.run("validate", "--verbose", "--no-cache", file), cached);
        return cached;
    }


    @Test
    void anEditToARecordTheTargetComparesWithThroughAnotherIsSeenEvenWithItsSizeAndTimeKept() throws IOException {
        TempRegistry registry = chain();
        registry.run("validate"); // fills the cache with every file
        assertTrue(validateC(registry).out().contains("it should be 1.2e26 (6e25 (headline of model-b) × 2)"));

        RacyEdits.editKeepingSizeAndTime(registry.root().resolve("models/model-a.yaml"), "3.0e25", "5.0e25");

        assertTrue(validateC(registry).out().contains("it should be 2e26 (1e26 (headline of model-b) × 2)"));
    }

    @Test
    void aNameOfTheTargetGivenToAnotherRecordIsReported() {
        TempRegistry registry = chain();
        validateC(registry);
        registry.write("model-d", RecordYaml.of("model-d", "Model D", "uncertain", null)
                .replace("name: Model D\n", "name: Model D\naliases: [model c]\n"));

        Run run = validateC(registry);

        assertTrue(run.out().contains("models/model-c.yaml:3:7: error: 'Model C' is also a name of record 'model-d' (as 'model c')"),
                run.out());
    }

    @Test
    void aDeletedRecordIsGoneForTheChecksAcrossRecords() throws IOException {
        TempRegistry registry = chain();
        validateC(registry);
        Files.delete(registry.root().resolve("models/model-b.yaml"));

        Run run = validateC(registry);

        assertTrue(run.out().contains("comparison refers to 'model-b', which is not a record"), run.out());
    }

    @Test
    void aDamagedOrTruncatedIndexGivesTheSameAnswers() throws IOException {
        TempRegistry registry = chain();
        validateC(registry);
        Path cache = registry.layout().cacheFile().orElseThrow();
        Path index = cache.resolveSibling(cache.getFileName().toString().replace(".cache", ".index"));
        byte[] whole = Files.readAllBytes(index);
        assertTrue(new String(whole).contains("\t=model-a\t=Model A\t"), "the index holds each record's summary");

        Files.write(index, Arrays.copyOf(whole, whole.length / 2));
        validateC(registry);
        byte[] flipped = Files.readAllBytes(index);
        flipped[flipped.length - 20] ^= 0x01;
        Files.write(index, flipped);
        RacyEdits.editKeepingSizeAndTime(registry.root().resolve("models/model-a.yaml"), "3.0e25", "4.0e25");
        assertTrue(validateC(registry).out().contains("(8e25 (headline of model-b) × 2)"));
        Files.write(index, new byte[] {'t', 'r', 'a', 'c', 'k', '\n', '\t', '\n', 0});
        validateC(registry);
    }

    @Test
    void aSettledFileIsKnownByItsStampAndAnEditThatKeepsSizeAndTimeStillMovesTheStamp() throws Exception {
        TempRegistry registry = chain();
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        SchemaValidator schema = SchemaValidator.load(registry.layout().schemaFile());
        // An hour from now, every file written by this test has long settled.
        long later = System.currentTimeMillis() + 3_600_000;
        ValidationCache first = ValidationCache.open(cacheFile, "test", schema.digest(), later);
        ValidationReport fresh = validator(schema, first).validateAll(registry.layout());
        assertEquals(4, first.hashed());

        ValidationCache second = ValidationCache.open(cacheFile, "test", schema.digest(), later);
        assertEquals(fresh.problems(), validator(schema, second).validateAll(registry.layout()).problems());
        assertEquals(0, second.hashed(), "no file changed, so none is hashed");

        Path a = registry.root().resolve("models/model-a.yaml");
        FileStamp before = FileStamp.of(a);
        RacyEdits.rewriteUntilStampMoves(a, Files.readString(a).replace("3.0e25", "5.0e25"));
        assertEquals(before.size(), FileStamp.of(a).size());
        assertEquals(before.modified(), FileStamp.of(a).modified());

        ValidationCache third = ValidationCache.open(cacheFile, "test", schema.digest(), later);
        ValidationReport edited = validator(schema, third).validateAll(registry.layout());
        assertEquals(1, third.hashed());
        assertTrue(edited.problems().stream().anyMatch(p -> p.message().contains("(1e26 (headline of model-b) × 2)")),
                edited.problems().toString());
    }

    @Test
    void anIndexLineReadsBackAsWrittenWhateverItsStampsAndNames() {
        Path cacheFile = folder.resolve("registry.cache");
        Path file = folder.resolve("models/model-ü.yaml");
        // No change time on this platform (Long.MIN_VALUE), a name with a tab and non-ASCII letters, an empty alias list.
        FileStamp stamp = new FileStamp(1234, 1_700_000_000_123_456_789L, FileStamp.UNKNOWN, "dev\t1");
        RecordSummary summary = new RecordSummary("model-ü", "Modèl\tÜ 1.0", List.of(), LocalDate.of(2025, 3, 1), List.of("model-b"));
        long later = System.currentTimeMillis() + 3_600_000;
        ValidationCache first = ValidationCache.open(cacheFile, "test", "schema", later);
        first.seen(file, stamp, "ab".repeat(32), summary);
        first.save();

        ValidationCache second = ValidationCache.open(cacheFile, "test", "schema", later);
        assertEquals(summary, second.summary(file, stamp));
        assertNull(second.summary(file, new FileStamp(1234, 1_700_000_000_123_456_789L, 5, "dev\t1")), "another stamp is not this one");
    }

    @Test
    void aRunOfAFewFilesFindsTheirTreesWithoutMakingAnEntryOfEveryLine() throws Exception {
        Filled filled = filledCache();
        long treesSize = Files.size(filled.cacheFile());
        String digest = filled.digest();
        JsonNode whole = filled.open().tree(digest);
        assertNotNull(whole);

        ValidationCache few = filled.open();
        validator(filled.schema(), few).validate(List.of(filled.c()), filled.registry().layout().recordFiles());
        assertFalse(few.treesFileRead(), "a one-file validation walks the trees file's lines");
        few.readingFewFiles(true);
        assertEquals(whole, few.tree(digest), "the tree found by walking the lines is the one a full read gives");
        assertNull(few.tree("0".repeat(64)), "a content the file does not hold");
        few.remember(digest, whole);
        few.save();
        assertFalse(few.treesFileRead());
        assertEquals(treesSize, Files.size(filled.cacheFile()), "a tree the file holds is not added to it again");
    }

    @Test
    void aDamagedLineIsNotUsedByARunOfAFewFiles() throws Exception {
        Filled filled = filledCache();
        List<String> lines = new ArrayList<>(Files.readAllLines(filled.cacheFile()));
        lines.replaceAll(line -> line.startsWith(filled.digest() + " ") ? line.replace("model-c", "model-x") : line);
        Files.write(filled.cacheFile(), lines);

        ValidationCache few = filled.open();
        few.readingFewFiles(true);
        assertNull(few.tree(filled.digest()), "a line whose CRC does not match is a miss");
        ValidationReport report = validator(filled.schema(), few).validate(List.of(filled.c()), filled.registry().layout().recordFiles());
        List<String> ids = report.records().records().stream().map(r -> r.id()).toList();
        assertTrue(ids.contains("model-c") && !ids.contains("model-x"), "the file is read again instead: " + ids);
    }

    /** A registry whose cache a validation of every record filled, and its record model-c. */
    private record Filled(TempRegistry registry, Path cacheFile, SchemaValidator schema, long later, Path c, String digest) {
        ValidationCache open() {
            return ValidationCache.open(cacheFile, "test", schema.digest(), later);
        }
    }

    private Filled filledCache() throws IOException {
        TempRegistry registry = chain();
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        SchemaValidator schema = SchemaValidator.load(registry.layout().schemaFile());
        long later = System.currentTimeMillis() + 3_600_000;
        validator(schema, ValidationCache.open(cacheFile, "test", schema.digest(), later)).validateAll(registry.layout());
        Path c = registry.root().resolve("models/model-c.yaml");
        return new Filled(registry, cacheFile, schema, later, c, ValidationCache.digest(Files.readAllBytes(c)));
    }

    @Test
    void whenTheIndexIsAnotherToolBuildsOneFileValidationReadsTheTreesFileOnceNotOncePerRecord() throws IOException {
        TempRegistry registry = TempRegistry.in(folder.resolve("registry"));
        for (int i = 0; i < 3 * ValidationCache.FEW_WALKS; i++) {
            registry.write("model-" + i, RecordYaml.of("model-" + i, "Model " + i, "uncertain", null));
        }
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        Path indexFile = cacheFile.resolveSibling(cacheFile.getFileName().toString().replace(".cache", ".index"));
        SchemaValidator schema = SchemaValidator.load(registry.layout().schemaFile());
        long later = System.currentTimeMillis() + 3_600_000;
        // Branch switching leaves this: the index of one tool build beside the trees file of another (a run that
        // answers from its clean run rewrites only the index).
        validator(schema, ValidationCache.open(cacheFile, "tool-x", schema.digest(), later)).validateAll(registry.layout());
        byte[] indexOfX = Files.readAllBytes(indexFile);
        validator(schema, ValidationCache.open(cacheFile, "tool-y", schema.digest(), later)).validateAll(registry.layout());
        Files.write(indexFile, indexOfX);
        Path one = registry.root().resolve("models/model-0.yaml");

        ValidationCache cache = ValidationCache.open(cacheFile, "tool-y", schema.digest(), later);
        ValidationReport report = validator(schema, cache).validateWithin(registry.layout(), List.of(one));

        int walks = cache.treesFileWalks();
        assertTrue(walks >= ValidationCache.FEW_WALKS && walks < ValidationCache.FEW_WALKS + Runtime.getRuntime().availableProcessors(),
                "a few lookups walk the file, then it is read whole once: " + walks + " walks for 47 other records");
        ValidationReport fresh = validator(schema, ValidationCache.disabled()).validateWithin(registry.layout(), List.of(one));
        assertEquals(fresh.problems(), report.problems());
        assertEquals(fresh.filesChecked(), report.filesChecked());
    }

    @Test
    void aFreshlyWrittenFileIsHashedUntilItHasSettled() {
        TempRegistry registry = chain();
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        assertEquals(ExitCodes.PROBLEMS, registry.run("validate").exitCode());

        ValidationCache now = ValidationCache.open(cacheFile, ValidationCache.toolBuild(), digest(registry), System.currentTimeMillis());
        try {
            validator(SchemaValidator.load(registry.layout().schemaFile()), now).validateAll(registry.layout());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(4, now.hashed(), "files written a moment ago may change within their time stamp's tick");
    }

    private static String digest(TempRegistry registry) {
        try {
            return SchemaValidator.load(registry.layout().schemaFile()).digest();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Validator validator(SchemaValidator schema, ValidationCache cache) {
        List<RecordCheck> checks = new ArrayList<>(Checks.standard(Clock.systemUTC()));
        checks.addAll(Checks.advisory());
        return new Validator(schema, checks, cache);
    }

    @Test
    void aFileOnlyTouchedGivesTheSameAnswer() throws IOException {
        TempRegistry registry = chain();
        Run first = validateC(registry);
        Files.setLastModifiedTime(registry.root().resolve("models/model-b.yaml"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        assertEquals(first, validateC(registry));
    }
}
