package org.frontierregistry.tracker.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.frontierregistry.tracker.publish.site.SiteOptions;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.StandIns;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build copies each record's rows from the last build into the same folder when the record's content is
 * unchanged, and makes the rest; whatever was copied, the outputs are byte for byte those of a build from nothing.
 */
class RowReuseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final SiteOptions SITE = SiteOptions.defaults();
    /** Rows of a likely_above record: both CSV tables, models.json and the site's published table. */
    private static final int ROWS_OF_A_PUBLISHED_RECORD = 4;

    @TempDir
    Path folder;

    private static TempRegistry registry(Path where, int size) {
        return registry(where, size, false);
    }

    /** {@code size} records likely above the line, and one whose estimate compares it with the first when asked. */
    private static TempRegistry registry(Path where, int size, boolean withComparison) {
        TempRegistry registry = TempRegistry.in(where.resolve("repo"));
        for (int i = 0; i < size; i++) {
            // Dates beyond the publication date, each of which can be the page's "as of" date.
            String yaml = RecordYaml.of(id(i), "Model " + i, "likely_above", (2 + i) * 1.0e25, i == 1, "")
                    .replace("url: \"https://example.org/report\"}", "url: \"https://example.org/report\", accessed: 2025-03-1" + i + "}")
                    .replace("provenance: {created_by: contractor}", i != 2 ? "provenance: {created_by: contractor}"
                            : "provenance: {created_by: bot, scraped_from: [{source: epoch, key: Model 2, seen: 2025-04-01}]}");
            registry.write(id(i), yaml);
        }
        if (withComparison) {
            registry.write("model-successor", RecordYaml.comparing("model-successor", "Model Successor", id(0)));
        }
        TempRegistry.Run estimate = registry.run("estimate", "--write", "--all");
        assertEquals(0, estimate.exitCode(), estimate.all());
        return registry;
    }

    private static String id(int i) {
        return "model-" + i;
    }

    /** The records as a build reads them: validated with the cache, so each knows its content's digest. */
    private static RecordSet read(TempRegistry registry, StandIns standIns) throws IOException {
        ValidationReport report = Validator.forRegistry(registry.layout(), CLOCK).validateAll(registry.layout(), standIns);
        assertTrue(report.records().loaded().stream().allMatch(r -> r.contentDigest() != null), "every record has its digest");
        return report.records();
    }

    private static RecordSet read(TempRegistry registry) throws IOException {
        return read(registry, StandIns.NONE);
    }

    private static LastBuild last(Path where, String tool) {
        return LastBuild.at(where.resolve("cache/builds/repo.last-build"), tool, System.currentTimeMillis() + 3_600_000);
    }

    /** What a build did: its rows, and which records it took as the last build kept them instead of reading them. */
    private record Built(RowReuse rows, ValidationReport report) {
        long standIns() {
            return rows.standIns().size();
        }

        int copied() {
            return rows.copied();
        }

        int made() {
            return rows.made();
        }
    }

    /**
     * A build as {@code tracker build} makes one: the last build's rows found before validating (records unchanged
     * since are taken as it kept them), then the outputs written and the build remembered.
     */
    private static Built build(TempRegistry registry, LastBuild last, Path out, SiteOptions site) throws IOException {
        PreviousRows previous = last.previousRows(out, site);
        ValidationReport report = Validator.forRegistry(registry.layout(), CLOCK).validateAll(registry.layout(), previous);
        RecordSet records = report.records();
        RowReuse rows = last.rowReuse(previous, site, records.loaded());
        last.forget();
        List<String> written = new Publisher(site).publish(records, out, rows);
        last.remember(out, "inputs", new LastBuild.Outputs(records.size(), 0, written), rows);
        return new Built(rows, report);
    }

    /** A build into {@code out} by the tool build every example starts with, with the default site options. */
    private Built build(TempRegistry registry, Path out) throws IOException {
        return build(registry, last(folder, "tool-1"), out, SITE);
    }

    private void sameAsFromNothing(TempRegistry registry, Path out) throws IOException {
        sameAsFromNothing(registry, out, folder.resolve("fresh"));
    }

    /** Each output the build wrote is byte for byte what a build from nothing writes. */
    private static void sameAsFromNothing(TempRegistry registry, Path out, Path fresh) throws IOException {
        List<String> written = new Publisher(SITE).publish(read(registry), fresh, RowReuse.none());
        for (String name : written) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }

    private static void rename(TempRegistry registry, String id, String name) throws IOException {
        Path file = registry.root().resolve("models/" + id + ".yaml");
        Files.writeString(file, Files.readString(file).replaceFirst("name: [^\n]*\n", "name: " + name + "\n"));
    }

    @Test
    void aSecondBuildCopiesEveryRow() throws IOException {
        TempRegistry registry = registry(folder, 5);
        Path out = folder.resolve("dist");
        Built first = build(registry, out);

        Built second = build(registry, out);

        assertEquals(0, first.copied(), "nothing to copy from");
        assertEquals(5 * ROWS_OF_A_PUBLISHED_RECORD, first.made());
        assertEquals(first.made(), second.copied());
        assertEquals(0, second.made());
        assertEquals(0, first.standIns());
        assertEquals(5, second.standIns(), "no record read again");
        assertFalse(first.rows().skeletonReused());
        assertTrue(second.rows().skeletonReused(), "the page around the rows is the last build's");
        sameAsFromNothing(registry, out);
    }

    @Test
    void afterAnEditOnlyTheEditedRecordsRowsAreMade() throws IOException {
        TempRegistry registry = registry(folder, 5);
        Path out = folder.resolve("dist");
        build(registry, out);
        rename(registry, id(2), "A Longer Name For Model Two, With Ümlauts");

        Built edited = build(registry, out);

        assertEquals(ROWS_OF_A_PUBLISHED_RECORD, edited.made());
        assertEquals(4 * ROWS_OF_A_PUBLISHED_RECORD, edited.copied());
        assertEquals(4, edited.standIns(), "the records not edited are not read again");
        assertTrue(Files.readString(out.resolve("models.csv")).contains("With Ümlauts"));
        sameAsFromNothing(registry, out);
    }

    @Test
    void theLastPageAroundTheRowsServesWhileNoOutlineChanged() throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path out = folder.resolve("dist");
        build(registry, out);
        Path record = registry.root().resolve("models/" + id(1) + ".yaml");
        Files.writeString(record, Files.readString(record).replace("reasoning: The developer's report", "reasoning: The report"));

        Built reworded = build(registry, out);

        assertTrue(reworded.rows().skeletonReused(), "a reasoning is in the rows only");
        sameAsFromNothing(registry, out);

        registry.write("small-model", RecordYaml.of("small-model", "Small Model", "below", 1.0e23));
        assertEquals(0, registry.run("estimate", "--write", "small-model").exitCode());
        build(registry, out);
        Files.writeString(record, Files.readString(record) + "# checked again\n");
        Built withOneBelow = build(registry, out);
        assertTrue(withOneBelow.rows().skeletonReused());
        assertTrue(Files.readString(out.resolve("index.html")).contains("id=\"model-small-model\""), "the one model below has its rows");
        sameAsFromNothing(registry, out);

        rename(registry, id(1), "Model One Renamed");
        Built renamed = build(registry, out);

        assertFalse(renamed.rows().skeletonReused(), "a name is in the chart too");
        assertTrue(Files.readString(out.resolve("index.html")).contains("<title>Model One Renamed: "));
        sameAsFromNothing(registry, out);
    }

    @Test
    void anOutputChangedByHandHasItsRowsMadeAgainEvenWithItsSizeKept() throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path out = folder.resolve("dist");
        build(registry, out);
        String json = Files.readString(out.resolve("models.json"));
        Files.writeString(out.resolve("models.json"), json.replace("Model 1", "Model X"));

        Built again = build(registry, out);

        assertEquals(3, again.made(), "models.json's three rows");
        assertEquals(3 * (ROWS_OF_A_PUBLISHED_RECORD - 1), again.copied());
        assertEquals(0, again.standIns(), "a record whose rows cannot all be copied is read");
        sameAsFromNothing(registry, out);
    }

    @Test
    void anotherToolBuildSiteOptionsOrFolderCopiesNothing() throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path out = folder.resolve("dist");
        build(registry, out);
        assertEquals(0, build(registry, last(folder, "tool-2"), out, SITE).copied(), "another tool build");

        SiteOptions linked = new SiteOptions(null, "https://github.com/org/registry", null);
        assertEquals(0, build(registry, last(folder, "tool-2"), out, linked).copied(), "other site options");

        assertEquals(0, build(registry, last(folder, "tool-2"), folder.resolve("elsewhere"), linked).copied(), "another folder");
    }

    @Test
    void aDamagedOrMissingIndexCopiesNothingAndTheOutputsAreStillRight() throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path out = folder.resolve("dist");
        build(registry, out);
        Path index = folder.resolve("cache/builds/repo.last-build.rows");
        byte[] whole = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(whole, whole.length - 5));
        rename(registry, id(0), "Renamed");

        Built damaged = build(registry, out);

        assertEquals(0, damaged.copied());
        assertEquals(0, damaged.standIns());
        sameAsFromNothing(registry, out);
        Files.delete(index);
        assertEquals(0, build(registry, out).copied(), "no index");
    }

    @Test
    void anEditedRecordIsCheckedAgainstTheRecordItComparesWithReadInFull() throws IOException {
        TempRegistry registry = registry(folder, 2, true);
        Path out = folder.resolve("dist");
        build(registry, out);
        Path successor = registry.root().resolve("models/model-successor.yaml");
        Files.writeString(successor, Files.readString(successor) + "# checked again\n");
        assertEquals(List.of(), findings(uncached(registry)), "still clean");

        Built edited = build(registry, out);

        assertEquals(List.of(), findings(edited.report()));
        assertFalse(edited.rows().standIns().contains(id(0)), "the record compared with is read in full");
        assertTrue(edited.rows().standIns().contains(id(1)));
        sameAsFromNothing(registry, out);
    }

    @Test
    void anIndexClaimingMoreRecordsThanItHoldsIsNoIndex() throws IOException {
        TempRegistry registry = registry(folder, 2);
        Path out = folder.resolve("dist");
        build(registry, out);
        Path index = folder.resolve("cache/builds/repo.last-build.rows");
        byte[] bytes = Files.readAllBytes(index);
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
        in.readUTF();
        in.readUTF();
        in.readUTF();
        java.nio.ByteBuffer.wrap(bytes).putInt(bytes.length - in.available(), Integer.MAX_VALUE);
        Files.write(index, bytes);

        Built again = build(registry, out);

        assertEquals(0, again.copied());
        assertEquals(0, again.standIns());
        sameAsFromNothing(registry, out);
    }

    /** The page's "as of" date is the newest date written in any record, the unchanged ones taken as stand-ins too. */
    @ParameterizedTest
    @ValueSource(strings = {"accessed: 2025-03-10", "date: 2025-01-02", "seen: 2025-04-01"})
    void aStandInKeepsEachDateTheAsOfDateIsTheNewestOf(String date) throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path newest = registry.root().resolve("models/" + id(date.startsWith("date") ? 1 : date.startsWith("seen") ? 2 : 0) + ".yaml");
        Files.writeString(newest, Files.readString(newest).replace(date, date.substring(0, date.indexOf(' ') + 1) + "2025-12-24"));
        assertEquals(0, registry.run("estimate", "--write", "--all").exitCode());
        Path out = folder.resolve("dist");
        build(registry, out);
        assertTrue(Files.readString(out.resolve("index.html")).contains("datetime=\"2025-12-24\""), "the newest date is the page's");
        Path other = registry.root().resolve("models/" + (newest.getFileName().toString().equals("model-0.yaml") ? id(1) : id(0)) + ".yaml");
        Files.writeString(other, Files.readString(other) + "# edited\n");

        Built edited = build(registry, out);

        assertTrue(edited.rows().standIns().contains(newest.getFileName().toString().replace(".yaml", "")), "the record with the newest date is a stand-in");
        sameAsFromNothing(registry, out);
    }

    /** Builds after edits of any kind: the outputs are those of a build from nothing, and unchanged records are copied. */
    @Property(tries = 25)
    void whateverChangedTheOutputsAreThoseOfABuildFromNothing(@ForAll("rounds") List<List<Edit>> rounds) throws IOException {
        Path where = Files.createTempDirectory("rows");
        try {
            TempRegistry registry = registry(where, 6, true);
            Path out = where.resolve("dist");
            Built previous = build(registry, last(where, "tool-1"), out, SITE);
            for (List<Edit> round : rounds) {
                Map<String, String> before = contents(registry);
                Set<String> touched = new HashSet<>();
                for (Edit edit : round) {
                    touched.add(edit.apply(registry));
                }
                Map<String, String> after = contents(registry);
                Built rows = build(registry, last(where, "tool-1"), out, SITE);
                sameAsFromNothing(registry, out, where.resolve("fresh"));
                assertEquals(findings(uncached(registry)), findings(rows.report()), "the findings of a validation that reads every record");
                assertTrue(rows.made() <= ROWS_OF_A_PUBLISHED_RECORD * touched.size(),
                        "made " + rows.made() + " rows after editing " + touched);
                assertTrue(rows.copied() + rows.made() >= 2 * after.size(), "every record has rows");
                for (String id : rows.rows().standIns()) {
                    assertEquals(before.get(id), after.get(id), id + " was taken as the last build kept it, so it is unchanged");
                }
                previous = rows;
            }
            assertTrue(previous.copied() + previous.made() > 0);
        } finally {
            try (Stream<Path> files = Files.walk(where)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static ValidationReport uncached(TempRegistry registry) throws IOException {
        return Validator.forRegistry(new RegistryLayout(registry.root(), false), CLOCK).validateAll(new RegistryLayout(registry.root(), false));
    }

    /** Problems and warnings as people read them: file, place, rule and message. */
    private static List<String> findings(ValidationReport report) {
        return Stream.concat(report.problems().stream(), report.warnings().stream())
                .map(p -> p.file().getFileName() + ":" + p.location() + " " + p.code() + " " + p.message()).sorted().toList();
    }

    /** Each record file's content, by record id. */
    private static Map<String, String> contents(TempRegistry registry) throws IOException {
        Map<String, String> contents = new HashMap<>();
        try (Stream<Path> files = Files.list(registry.root().resolve("models"))) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString().replace(".yaml", ""), Files.readString(file));
            }
        }
        return contents;
    }

    @Provide
    Arbitrary<List<List<Edit>>> rounds() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7)).as(Edit::new);
        return edit.list().ofMinSize(0).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3);
    }

    enum Kind { COMMENT, RENAME, BELOW, UNCERTAIN, EARLIER, ACCESSED, RATIO, DELETE, ADD }

    /** One edit of record {@code target}; returns the id of the record it touched. */
    record Edit(Kind kind, int target) {
        String apply(TempRegistry registry) throws IOException {
            String id = kind == Kind.ADD ? "model-new-" + target : target % 7 == 6 ? "model-successor" : id(target % 7);
            Path file = registry.root().resolve("models/" + id + ".yaml");
            if (kind == Kind.ADD) {
                registry.write(id, RecordYaml.of(id, "New Model " + target, "likely_above", 3.0e25));
                return id;
            }
            if (!Files.exists(file)) {
                return id;
            }
            String text = Files.readString(file);
            switch (kind) {
                case COMMENT -> Files.writeString(file, text + "# checked again\n");
                case RENAME -> Files.writeString(file, text.replaceFirst("name: [^\n]*\n", "name: \"Model <" + target + "> & Co\"\n"));
                case BELOW -> Files.writeString(file, text.replace("status: likely_above", "status: below"));
                case UNCERTAIN -> Files.writeString(file, text.replace("status: likely_above", "status: uncertain"));
                case EARLIER -> Files.writeString(file, text.replace("publication_date: 2024-06-01", "publication_date: 2023-0" + (1 + target) + "-15"));
                case ACCESSED -> Files.writeString(file, text.replaceFirst("accessed: [0-9-]+", "accessed: 2025-0" + (1 + target) + "-20"));
                case RATIO -> Files.writeString(file, text.replace("ratio: 2", "ratio: 3").replaceFirst("reported_flop: ([0-9.]+)e25", "reported_flop: 9.5e25"));
                case DELETE -> Files.delete(file);
                default -> throw new IllegalStateException(kind.name());
            }
            return id;
        }
    }
}
