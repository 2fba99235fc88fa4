package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracker validate} of a whole registry that was found clean, with no content changed since, on the same
 * day, answers from the files' stamps (and the hashes of files whose stamps moved) without reading a record;
 * anything that could change the answer makes it check again (which files, {@link RecheckAfterEditTest} shows).
 */
class CleanRunTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path folder;

    TempRegistry registry;
    SchemaValidator schema;
    /** An hour from now: every file this test writes has settled by then. */
    final long later = System.currentTimeMillis() + 3_600_000;

    @BeforeEach
    void cleanRegistry() throws IOException {
        registry = TempRegistry.in(folder.resolve("registry"));
        registry.write("model-a", RecordYaml.of("model-a", "Model A", "likely_above", 3.0e25));
        registry.write("model-b", RecordYaml.of("model-b", "Model B", "likely_above", 5.0e25));
        fillDerivedValues();
        schema = SchemaValidator.load(registry.layout().schemaFile());
    }

    private void fillDerivedValues() {
        TempRegistry.Run estimate = registry.run("estimate", "--write", "--all");
        assertEquals(0, estimate.exitCode(), estimate.all());
    }

    /** The cache of the last {@link #validate} run. */
    ValidationCache cache;

    private ValidationReport validate(long now, LocalDate day) {
        cache = ValidationCache.open(registry.layout().cacheFile().orElseThrow(), "test", schema.digest(), now);
        List<RecordCheck> checks = new ArrayList<>(Checks.standard(Clock.systemUTC()));
        checks.addAll(Checks.advisory());
        return new Validator(schema, checks, cache, day).validateAllFindings(registry.layout());
    }

    private static boolean answeredFromStamps(ValidationReport report) {
        return report.records().loaded().isEmpty();
    }

    private ValidationReport cleanTwice() {
        ValidationReport first = validate(later, DAY);
        assertTrue(first.problems().isEmpty() && first.warnings().isEmpty(), first.all().toString());
        assertFalse(answeredFromStamps(first));
        return first;
    }

    @Test
    void theCleanStateIsKnownWhileNothingChangedAndAValidationAfterTheQuestionReusesItsAnswer() throws IOException {
        cleanTwice();
        ValidationCache unchanged = ValidationCache.open(registry.layout().cacheFile().orElseThrow(), "test", schema.digest(), later);
        String state = unchanged.cleanState(registry.layout().recordFiles(), DAY);
        assertTrue(state != null && state.matches("[0-9a-f]{64}"), state);

        Path file = registry.root().resolve("models/model-b.yaml");
        Files.writeString(file, Files.readString(file) + "# edited\n");
        cache = ValidationCache.open(registry.layout().cacheFile().orElseThrow(), "test", schema.digest(), later);
        assertNull(cache.cleanState(registry.layout().recordFiles(), DAY), "an edited file: not the clean run's state");
        assertEquals(1, cache.hashed());
        List<RecordCheck> checks = new ArrayList<>(Checks.standard(Clock.systemUTC()));
        ValidationReport report = new Validator(schema, checks, cache, DAY).validateAllFindings(registry.layout());

        assertTrue(report.problems().isEmpty(), report.problems().toString());
        assertEquals(2, cache.hashed(), "what changed is told from the question's stamps and hash: the edited file is"
                + " hashed again only as it is read for the checks");
        String after = cache.cleanState(registry.layout().recordFiles(), DAY);
        assertTrue(after != null && !after.equals(state), "found clean again: the new clean run's state");
    }

    @Test
    void aCleanRegistryUnchangedIsAnsweredFromTheStampsWithTheSameSummary() {
        ValidationReport first = cleanTwice();
        ValidationReport second = validate(later, DAY);
        assertTrue(answeredFromStamps(second));
        assertEquals(first.summary(), second.summary());
        assertEquals("OK: 2 files checked, no problems.", second.summary());
    }

    @Test
    void otherCommandsReadTheRecordsOfARegistryKnownCleanWithoutCheckingThemAgain() {
        cleanTwice();
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        List<RecordCheck> checks = new ArrayList<>(Checks.standard(Clock.systemUTC()));
        checks.add(records -> {
            checked.incrementAndGet();
            return List.of();
        });
        ValidationCache cache = ValidationCache.open(registry.layout().cacheFile().orElseThrow(), "test", schema.digest(), later);
        ValidationReport known = new Validator(schema, checks, cache, DAY).validateAll(registry.layout());
        assertEquals(0, checked.get(), "the checks' answer is known");

        ValidationReport full = new Validator(schema, checks, ValidationCache.disabled(), DAY).validateAll(registry.layout());
        assertEquals(1, checked.get());
        assertEquals(full.summary(), known.summary());
        assertEquals(full.records().loaded().stream().map(r -> r.record()).toList(),
                known.records().loaded().stream().map(r -> r.record()).toList());
    }

    @Test
    void anEditThatKeepsSizeAndTimeIsCheckedAgain() throws Exception {
        cleanTwice();
        Path a = registry.root().resolve("models/model-a.yaml");
        RacyEdits.rewriteUntilStampMoves(a, Files.readString(a).replace("name: Model A\n", "name: Model B\n"));

        ValidationReport edited = validate(later, DAY);
        assertFalse(answeredFromStamps(edited));
        assertTrue(edited.problems().stream().anyMatch(p -> p.code().equals("duplicate-alias")), edited.problems().toString());
    }

    @Test
    void aNewFileADeletedFileOrAnotherDayIsCheckedAgain() throws IOException {
        cleanTwice();
        assertFalse(answeredFromStamps(validate(later, DAY.plusDays(1))), "dates are checked against the day");

        cleanTwice();
        registry.write("model-c", RecordYaml.of("model-c", "Model C", "likely_above", 2.0e25));
        fillDerivedValues();
        ValidationReport added = validate(later, DAY);
        assertFalse(answeredFromStamps(added));
        assertEquals("OK: 3 files checked, no problems.", added.summary());

        Files.delete(registry.root().resolve("models/model-c.yaml"));
        assertFalse(answeredFromStamps(validate(later, DAY)));
    }

    @Test
    void filesJustWrittenAreHashedAgainNotTrustedByTheirStamps() {
        ValidationReport now = validate(System.currentTimeMillis(), DAY);
        assertTrue(now.problems().isEmpty());
        ValidationReport again = validate(System.currentTimeMillis(), DAY);
        assertEquals(2, cache.hashed(), "a file written a moment ago may change within its time stamp's tick");
        assertTrue(answeredFromStamps(again), "the same contents: the clean run's answer, without reading a record");
    }

    @Test
    void aFileTouchedButNotEditedIsHashedAndTheCleanRunStillAnswers() throws IOException {
        cleanTwice();
        Path a = registry.root().resolve("models/model-a.yaml");
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        assertTrue(answeredFromStamps(validate(later, DAY)));
        assertEquals(1, cache.hashed());
        assertTrue(answeredFromStamps(validate(later, DAY)));
        assertEquals(0, cache.hashed(), "its new stamp was recorded");
    }

    @Test
    void aRunWithProblemsOrWarningsIsNotRemembered() throws IOException {
        registry.write("model-c", RecordYaml.of("model-c", "Model C", "uncertain", null)); // no estimate: a warning
        ValidationReport warned = validate(later, DAY);
        assertFalse(warned.warnings().isEmpty());
        assertFalse(answeredFromStamps(validate(later, DAY)));
        assertEquals(warned.warnings(), validate(later, DAY).warnings());
    }

    @Test
    void aDamagedOrForeignCleanFileIsIgnored() throws IOException {
        cleanTwice();
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        Path clean = cacheFile.resolveSibling(cacheFile.getFileName().toString().replaceAll("\\.cache$", "") + ".clean");
        assertTrue(Files.isRegularFile(clean), "kept beside the cache: " + clean);
        List<String> lines = Files.readAllLines(clean);
        assertEquals(6, lines.size(), "header, state, a stamp line and a digest line per file: " + lines);

        Files.writeString(clean, lines.get(0) + "\n" + lines.get(1).substring(0, 30) + "\n", StandardCharsets.UTF_8);
        assertFalse(answeredFromStamps(validate(later, DAY)), "a cut state line is no clean run");
        assertTrue(answeredFromStamps(validate(later, DAY)), "the full run wrote it again");

        ValidationCache otherTool = ValidationCache.open(cacheFile, "another build", schema.digest(), later);
        assertNull(otherTool.changesSinceClean(registry.layout().recordFiles(), DAY));
    }

    @Test
    void aCleanFileWhoseListIsDamagedIsNoCleanRunUntilAFullRunWritesItAgain() throws Exception {
        cleanTwice();
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        Path clean = cacheFile.resolveSibling(cacheFile.getFileName().toString().replaceAll("\\.cache$", "") + ".clean");
        String text = Files.readString(clean);
        Files.writeString(clean, text.replace("model-b.yaml\t", "model-c.yaml\t"), StandardCharsets.UTF_8);

        assertNull(cache(later).changesSinceClean(registry.layout().recordFiles(), DAY), "a damaged list tells nothing");
        ValidationReport full = validate(later, DAY);
        assertFalse(answeredFromStamps(full));
        assertEquals("OK: 2 files checked, no problems.", full.summary());
        assertTrue(answeredFromStamps(validate(later, DAY)), "the full run wrote it again");
    }

    @Test
    void aCleanRegistryUnchangedIsToldWithoutTheIndex() throws IOException {
        cleanTwice();
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        Path index = cacheFile.resolveSibling(cacheFile.getFileName().toString().replaceAll("\\.cache$", "") + ".index");
        Files.delete(index);

        assertTrue(answeredFromStamps(validate(later, DAY)), "the clean-run file's stamps alone tell");
        assertEquals(0, cache.hashed());
        assertFalse(Files.exists(index), "a run told by the stamps reads and writes no index");
    }

    @Test
    void aChangeIsExpectedWithoutACleanRunAndAfterARunLeftAStampUnsettled() throws IOException {
        assertTrue(cache(later).changeLikely(), "no clean run yet");
        cleanTwice();
        assertFalse(cache(later).changeLikely(), "a clean run whose stamps hold");

        Path a = registry.root().resolve("models/model-a.yaml");
        Files.writeString(a, "# edited\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertTrue(validate(System.currentTimeMillis(), DAY).problems().isEmpty());
        assertTrue(cache(later).changeLikely(), "the file edited a moment ago is hashed by the next run (an edit, validate loop)");

        assertTrue(answeredFromStamps(validate(later, DAY)));
        assertFalse(cache(later).changeLikely(), "the next run's stamps held and were written again settled");
    }

    private ValidationCache cache(long now) {
        return ValidationCache.open(registry.layout().cacheFile().orElseThrow(), "test", schema.digest(), now);
    }
}
