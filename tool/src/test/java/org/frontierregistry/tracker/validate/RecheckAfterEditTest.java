package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracker validate} after a few files changed in a registry found clean earlier the same day checks
 * again only the changed files and those a change can affect (names they share, records whose comparisons
 * reach a changed one), with the rest as their summaries; commands that read every record ({@code build},
 * {@code query}, {@code stats}) check the same few. The findings are always exactly those of a full validation
 * without the cache.
 */
class RecheckAfterEditTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    /** An hour from now: every file a test writes has settled by then. */
    private final long later = System.currentTimeMillis() + 3_600_000;

    @TempDir
    Path folder;

    /** The ids of the records the last cached validation checked one by one (all of them in a full validation). */
    private final Set<String> rechecked = new TreeSet<>();

    /** model-c compares with model-b, which compares with model-a (3.0e25 reported); model-d stands alone. */
    private TempRegistry chain(Path where) {
        TempRegistry registry = TempRegistry.in(where);
        registry.write("model-a", RecordYaml.of("model-a", "Model A", "likely_above", 3.0e25));
        registry.write("model-b", RecordYaml.comparing("model-b", "Model B", "model-a"));
        registry.write("model-c", RecordYaml.comparing("model-c", "Model C", "model-b"));
        registry.write("model-d", RecordYaml.of("model-d", "Model D", "likely_above", 2.0e25));
        return clean(registry);
    }

    /** Fills in the derived values and validates with both caches, which remember the registry as clean. */
    private TempRegistry clean(TempRegistry registry) {
        TempRegistry.Run estimate = registry.run("estimate", "--write", "--all");
        assertEquals(0, estimate.exitCode(), estimate.all());
        ValidationReport first = cached(registry);
        assertTrue(first.problems().isEmpty() && first.warnings().isEmpty(), first.all().toString());
        ValidationReport read = cachedReading(registry);
        assertTrue(read.problems().isEmpty() && read.warnings().isEmpty(), read.all().toString());
        return registry;
    }

    /** As {@code tracker validate} runs: the findings only. */
    private ValidationReport cached(TempRegistry registry) {
        return cachedValidator(registry, registry.layout().cacheFile().orElseThrow()).validateAllFindings(registry.layout());
    }

    /** As {@code tracker validate FILE} runs, sharing the findings-only cache. */
    private ValidationReport cachedOneFile(TempRegistry registry, Path file) {
        return cachedValidator(registry, registry.layout().cacheFile().orElseThrow()).validateWithin(registry.layout(), List.of(file));
    }

    /** As {@code build}, {@code query} and {@code stats} run: every record read, with its own cache. */
    private ValidationReport cachedReading(TempRegistry registry) {
        Path cacheFile = registry.layout().cacheFile().orElseThrow();
        return cachedValidator(registry, cacheFile.resolveSibling("reading.cache")).validateAll(registry.layout());
    }

    private Validator cachedValidator(TempRegistry registry, Path cacheFile) {
        rechecked.clear();
        List<RecordCheck> checks = new ArrayList<>(Checks.standard(Clock.systemUTC()));
        checks.addAll(Checks.advisory());
        checks.add(records -> {
            records.reported().stream().map(LoadedRecord::id).forEach(rechecked::add);
            return List.of();
        });
        SchemaValidator schema = schema(registry);
        return new Validator(schema, checks, ValidationCache.open(cacheFile, "test", schema.digest(), later), DAY);
    }

    private static Validator uncached(TempRegistry registry) {
        List<RecordCheck> checks = new ArrayList<>(Checks.standard(Clock.systemUTC()));
        checks.addAll(Checks.advisory());
        return new Validator(schema(registry), checks, ValidationCache.disabled(), DAY);
    }

    private static SchemaValidator schema(TempRegistry registry) {
        try {
            return SchemaValidator.load(registry.layout().schemaFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Both cached validations, each checked against a full one without the cache: the same problems, warnings and
     * summary, and (reading every record) the same records. Returns the findings-only one; {@link #rechecked} is
     * then what it checked.
     */
    private ValidationReport cachedAgreeingWithFull(TempRegistry registry) {
        ValidationReport reading = cachedReading(registry);
        ValidationReport fullReading = uncached(registry).validateAll(registry.layout());
        assertSameFindings(fullReading, reading);
        assertEquals(fullReading.records().records(), reading.records().records());

        ValidationReport cached = cached(registry);
        assertSameFindings(uncached(registry).validateAllFindings(registry.layout()), cached);
        return cached;
    }

    /**
     * {@code tracker validate FILE} with the cache (as the command runs, sharing the findings-only cache) against
     * the same without the cache, and against a full validation's findings on that file: the same problems,
     * warnings and summary.
     */
    private void oneFileAgreesWithUncached(TempRegistry registry, String id) {
        Path file = registry.root().resolve("models/" + id + ".yaml");
        ValidationReport cached = cachedOneFile(registry, file);
        assertSameFindings(uncached(registry).validate(List.of(file), registry.layout().recordFiles()), cached);
        ValidationReport full = uncached(registry).validateAll(registry.layout());
        assertSameFindings(new ValidationReport(1, full.problems().stream().filter(p -> p.file().equals(file)).toList(),
                full.warnings().stream().filter(p -> p.file().equals(file)).toList(), full.records()), cached);
    }

    private static void assertSameFindings(ValidationReport full, ValidationReport cached) {
        assertEquals(full.problems(), cached.problems());
        assertEquals(full.warnings(), cached.warnings());
        assertEquals(full.summary(), cached.summary());
    }

    private static void edit(TempRegistry registry, String id, String from, String to) {
        Path file = registry.root().resolve("models/" + id + ".yaml");
        try {
            String text = Files.readString(file);
            assertTrue(text.contains(from), from + " in " + text);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anEditThatChangesNoOtherRecordIsTheOnlyFileCheckedAgain() {
        TempRegistry registry = chain(folder);
        edit(registry, "model-d", "  - {id: report,", "  # the report was read again\n  - {id: report,");

        ValidationReport report = cachedAgreeingWithFull(registry);

        assertEquals(Set.of("model-d"), rechecked);
        assertEquals("OK: 4 files checked, no problems.", report.summary());
        cached(registry);
        assertEquals(Set.of(), rechecked, "found clean again: the next run answers without checking");
    }

    @Test
    void anEditToARecordOthersCompareWithChecksThemAgainThroughEveryStep() {
        TempRegistry registry = chain(folder);
        edit(registry, "model-a", "3.0e25", "5.0e25");

        ValidationReport report = cachedAgreeingWithFull(registry);

        assertEquals(Set.of("model-a", "model-b", "model-c"), rechecked);
        Set<String> files = new TreeSet<>();
        report.problems().forEach(p -> files.add(p.file().getFileName().toString()));
        assertEquals(Set.of("model-a.yaml", "model-b.yaml", "model-c.yaml"), files, report.problems().toString());
    }

    @Test
    void aCommandReadingEveryRecordChecksOnlyWhatTheEditReachesAndGetsEveryRecordInFull() {
        TempRegistry registry = chain(folder);
        edit(registry, "model-a", "3.0e25", "5.0e25");

        ValidationReport report = cachedReading(registry);

        assertEquals(Set.of("model-a", "model-b", "model-c"), rechecked);
        assertEquals(4, report.records().size());
        assertTrue(report.records().loaded().stream().noneMatch(r -> r.document().text().isEmpty()), "no stand-in");
        assertEquals(full(registry).problems(), report.problems());
    }

    private static ValidationReport full(TempRegistry registry) {
        return uncached(registry).validateAll(registry.layout());
    }

    @Test
    void theCommandPrintsAfterAnEditWhatItPrintsWithoutTheCache() {
        TempRegistry registry = chain(folder);
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode(), "found clean, and remembered");
        edit(registry, "model-a", "3.0e25", "5.0e25");

        TempRegistry.Run cached = registry.run("validate", "--verbose");

        assertEquals(registry.run("validate", "--verbose", "--no-cache"), cached);
        assertEquals(ExitCodes.PROBLEMS, cached.exitCode());
        assertTrue(cached.out().contains("models/model-c.yaml"), cached.out());
    }

    @Test
    void oneFileOfAnUnchangedRegistryFoundCleanIsAnsweredWithoutCheckingAnything() {
        TempRegistry registry = chain(folder);
        Path file = registry.root().resolve("models/model-c.yaml");

        ValidationReport report = cachedOneFile(registry, file);

        assertEquals(Set.of(), rechecked);
        assertEquals("OK: 1 file checked, no problems.", report.summary());
    }

    @Test
    void oneFileAfterAnEditIsCheckedWithTheOthersAsContext() {
        TempRegistry registry = chain(folder);
        edit(registry, "model-a", "3.0e25", "5.0e25");

        oneFileAgreesWithUncached(registry, "model-c");

        assertEquals(Set.of("model-c"), rechecked, "the file asked about, the others as context");
    }

    @Test
    void theOneFileCommandPrintsAfterAnEditWhatItPrintsWithoutTheCache() {
        TempRegistry registry = chain(folder);
        edit(registry, "model-a", "3.0e25", "5.0e25");

        String file = registry.root().resolve("models/model-c.yaml").toString();
        TempRegistry.Run cached = registry.run("validate", "--verbose", file);

        assertEquals(registry.run("validate", "--verbose", "--no-cache", file), cached);
        assertEquals(ExitCodes.PROBLEMS, cached.exitCode());
        assertTrue(cached.out().contains("models/model-c.yaml") && !cached.out().contains("models/model-a.yaml"), cached.out());
    }

    @Test
    void aFileOutsideTheRegistryIsValidatedWithTheRegistryAsContext() throws IOException {
        TempRegistry registry = chain(folder);
        Path outside = folder.resolve("elsewhere/model-e.yaml");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, RecordYaml.of("model-e", "Model A", "likely_above", 3.0e25));

        ValidationReport report = cachedOneFile(registry, outside);

        assertEquals(Set.of("model-e"), rechecked);
        assertTrue(report.problems().stream().anyMatch(p -> p.file().equals(outside) && p.code().equals("duplicate-alias")),
                report.problems().toString());
    }

    @Test
    void aNameTakenFromAnUnchangedRecordIsReportedOnBoth() {
        TempRegistry registry = chain(folder);
        edit(registry, "model-d", "name: Model D\n", "name: Model D\naliases: [model a]\n");

        ValidationReport report = cachedAgreeingWithFull(registry);

        assertEquals(Set.of("model-a", "model-d"), rechecked);
        assertEquals(2, report.problems().stream().filter(p -> p.code().equals("duplicate-alias")).count(), report.problems().toString());
    }

    @Test
    void aDeletedRecordLeavesTheRecordsComparingWithItAReferenceToNothing() throws IOException {
        TempRegistry registry = chain(folder);
        Files.delete(registry.root().resolve("models/model-a.yaml"));

        ValidationReport report = cachedAgreeingWithFull(registry);

        assertEquals(Set.of("model-b", "model-c"), rechecked);
        assertTrue(report.problems().stream().anyMatch(p -> p.message().contains("'model-a', which is not a record")),
                report.problems().toString());
    }

    @Test
    void manyChangedFilesAreValidatedInFull() {
        TempRegistry registry = TempRegistry.in(folder);
        for (int i = 0; i < 20; i++) {
            registry.write("model-" + i, RecordYaml.of("model-" + i, "Model " + i, "likely_above", 2.0e25));
        }
        clean(registry);
        for (int i = 0; i < 17; i++) {
            edit(registry, "model-" + i, "  - {id: report,", "  # read again\n  - {id: report,");
        }

        cachedAgreeingWithFull(registry);

        assertEquals(20, rechecked.size());
    }

    /** A registry of a few records, some comparing with earlier ones, then a few edits of any kind. */
    @Property(tries = 40)
    void whateverChangedTheFindingsAreThoseOfAFullValidation(@ForAll("registries") List<Integer> references,
                                                             @ForAll("edits") List<Edit> edits) throws IOException {
        Path where = Files.createTempDirectory("recheck");
        try {
            TempRegistry registry = TempRegistry.in(where);
            for (int i = 0; i < references.size(); i++) {
                int reference = references.get(i);
                registry.write(id(i), reference < 0 || reference >= i
                        ? RecordYaml.of(id(i), "Model " + i, "likely_above", (2 + i) * 1.0e25)
                        : RecordYaml.comparing(id(i), "Model " + i, id(reference)));
            }
            clean(registry);
            for (Edit edit : edits) {
                edit.apply(registry, references.size());
            }
            List<String> asked = Stream.concat(Stream.of(id(0)), edits.stream().map(e -> id(e.target() % references.size())))
                    .distinct().filter(id -> Files.exists(registry.root().resolve("models/" + id + ".yaml"))).toList();
            asked.forEach(id -> oneFileAgreesWithUncached(registry, id));
            cachedAgreeingWithFull(registry);
            cachedAgreeingWithFull(registry); // and again, after a clean answer was remembered or not
            asked.forEach(id -> oneFileAgreesWithUncached(registry, id));
        } finally {
            try (Stream<Path> files = Files.walk(where)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String id(int i) {
        return "model-" + i;
    }

    @Provide
    Arbitrary<List<Integer>> registries() {
        return Arbitraries.integers().between(-1, 6).list().ofMinSize(2).ofMaxSize(7);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 7)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(3);
    }

    enum Kind { COMMENT, FLOP, NAME_OF_ANOTHER, DELETE, ADD, REPOINT, BREAK_YAML, WRONG_ID }

    /** One edit to record {@code target} (modulo the registry's size), with {@code other} as the record it involves. */
    record Edit(Kind kind, int target, int other) {
        void apply(TempRegistry registry, int size) throws IOException {
            String id = id(target % size);
            Path file = registry.root().resolve("models/" + id + ".yaml");
            if (kind == Kind.ADD) {
                registry.write("model-new-" + target, RecordYaml.of("model-new-" + target,
                        other % 2 == 0 ? "Model " + (other % size) : "Model New " + target, "likely_above", 4.0e25));
                return;
            }
            if (!Files.exists(file)) {
                return;
            }
            String text = Files.readString(file);
            String edited = switch (kind) {
                case COMMENT -> text + "# checked again\n";
                case FLOP -> text.contains("ratio: 2") ? text.replace("ratio: 2", "ratio: 3")
                        : text.replaceFirst("(flop|reported_flop): ([0-9.]+)e25", "$1: 9.5e25");
                case NAME_OF_ANOTHER -> text.replaceFirst("name: ([^\n]*)\n", "name: $1\naliases: [model " + (other % size) + "]\n");
                case REPOINT -> text.replaceFirst("reference: model-[0-9]+", "reference: " + (other == 7 ? "model-gone" : id(other % size)));
                case BREAK_YAML -> text + "oops: [\n";
                case WRONG_ID -> text.replace("id: " + id + "\n", "id: model-elsewhere\n");
                default -> text;
            };
            if (kind == Kind.DELETE) {
                Files.delete(file);
            } else {
                Files.writeString(file, edited);
            }
        }
    }
}
