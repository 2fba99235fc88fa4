package org.frontierregistry.tracker.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        TempRegistry registry = TempRegistry.in(where.resolve("repo"));
        for (int i = 0; i < size; i++) {
            registry.write(id(i), RecordYaml.of(id(i), "Model " + i, "likely_above", (2 + i) * 1.0e25));
        }
        return registry;
    }

    private static String id(int i) {
        return "model-" + i;
    }

    /** The records as a build reads them: validated with the cache, so each knows its content's digest. */
    private static RecordSet read(TempRegistry registry) throws IOException {
        ValidationReport report = Validator.forRegistry(registry.layout(), CLOCK).validateAll(registry.layout());
        assertTrue(report.records().loaded().stream().allMatch(r -> r.contentDigest() != null), "every record has its digest");
        return report.records();
    }

    private static LastBuild last(Path where, String tool) {
        return LastBuild.at(where.resolve("cache/builds/repo.last-build"), tool, System.currentTimeMillis() + 3_600_000);
    }

    /** A build as {@code tracker build} makes one: rows found before the last build is forgotten, then remembered. */
    private static RowReuse build(TempRegistry registry, LastBuild last, Path out, SiteOptions site) throws IOException {
        RecordSet records = read(registry);
        RowReuse rows = last.rowReuse(out, site, records.loaded());
        last.forget();
        List<String> written = new Publisher(site).publish(records, out, rows);
        last.remember(out, "inputs", new LastBuild.Outputs(records.size(), 0, written), rows);
        return rows;
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
        RowReuse first = build(registry, last(folder, "tool-1"), out, SITE);

        RowReuse second = build(registry, last(folder, "tool-1"), out, SITE);

        assertEquals(0, first.copied(), "nothing to copy from");
        assertEquals(5 * ROWS_OF_A_PUBLISHED_RECORD, first.made());
        assertEquals(first.made(), second.copied());
        assertEquals(0, second.made());
        sameAsFromNothing(registry, out, folder.resolve("fresh"));
    }

    @Test
    void afterAnEditOnlyTheEditedRecordsRowsAreMade() throws IOException {
        TempRegistry registry = registry(folder, 5);
        Path out = folder.resolve("dist");
        build(registry, last(folder, "tool-1"), out, SITE);
        rename(registry, id(2), "A Longer Name For Model Two, With Ümlauts");

        RowReuse edited = build(registry, last(folder, "tool-1"), out, SITE);

        assertEquals(ROWS_OF_A_PUBLISHED_RECORD, edited.made());
        assertEquals(4 * ROWS_OF_A_PUBLISHED_RECORD, edited.copied());
        assertTrue(Files.readString(out.resolve("models.csv")).contains("With Ümlauts"));
        sameAsFromNothing(registry, out, folder.resolve("fresh"));
    }

    @Test
    void anOutputChangedByHandHasItsRowsMadeAgainEvenWithItsSizeKept() throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path out = folder.resolve("dist");
        build(registry, last(folder, "tool-1"), out, SITE);
        String json = Files.readString(out.resolve("models.json"));
        Files.writeString(out.resolve("models.json"), json.replace("Model 1", "Model X"));

        RowReuse again = build(registry, last(folder, "tool-1"), out, SITE);

        assertEquals(3, again.made(), "models.json's three rows");
        assertEquals(3 * (ROWS_OF_A_PUBLISHED_RECORD - 1), again.copied());
        sameAsFromNothing(registry, out, folder.resolve("fresh"));
    }

    @Test
    void anotherToolBuildSiteOptionsOrFolderCopiesNothing() throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path out = folder.resolve("dist");
        build(registry, last(folder, "tool-1"), out, SITE);
        assertEquals(0, build(registry, last(folder, "tool-2"), out, SITE).copied(), "another tool build");

        SiteOptions linked = new SiteOptions(null, "https://github.com/org/registry", null);
        assertEquals(0, build(registry, last(folder, "tool-2"), out, linked).copied(), "other site options");

        assertEquals(0, build(registry, last(folder, "tool-2"), folder.resolve("elsewhere"), linked).copied(), "another folder");
    }

    @Test
    void aDamagedOrMissingIndexCopiesNothingAndTheOutputsAreStillRight() throws IOException {
        TempRegistry registry = registry(folder, 3);
        Path out = folder.resolve("dist");
        build(registry, last(folder, "tool-1"), out, SITE);
        Path index = folder.resolve("cache/builds/repo.last-build.rows");
        byte[] whole = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(whole, whole.length - 5));
        rename(registry, id(0), "Renamed");

        RowReuse damaged = build(registry, last(folder, "tool-1"), out, SITE);

        assertEquals(0, damaged.copied());
        sameAsFromNothing(registry, out, folder.resolve("fresh"));
        Files.delete(index);
        assertEquals(0, build(registry, last(folder, "tool-1"), out, SITE).copied(), "no index");
    }

    /** Builds after edits of any kind: the outputs are those of a build from nothing, and unchanged records are copied. */
    @Property(tries = 25)
    void whateverChangedTheOutputsAreThoseOfABuildFromNothing(@ForAll("rounds") List<List<Edit>> rounds) throws IOException {
        Path where = Files.createTempDirectory("rows");
        try {
            TempRegistry registry = registry(where, 6);
            Path out = where.resolve("dist");
            RowReuse previous = build(registry, last(where, "tool-1"), out, SITE);
            for (List<Edit> round : rounds) {
                Set<String> touched = new HashSet<>();
                for (Edit edit : round) {
                    touched.add(edit.apply(registry));
                }
                RowReuse rows = build(registry, last(where, "tool-1"), out, SITE);
                sameAsFromNothing(registry, out, where.resolve("fresh"));
                assertTrue(rows.made() <= ROWS_OF_A_PUBLISHED_RECORD * touched.size(),
                        "made " + rows.made() + " rows after editing " + touched);
                assertTrue(rows.copied() + rows.made() >= 2 * read(registry).size(), "every record has rows");
                previous = rows;
            }
            assertTrue(previous.copied() + previous.made() > 0);
        } finally {
            try (Stream<Path> files = Files.walk(where)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<List<List<Edit>>> rounds() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7)).as(Edit::new);
        return edit.list().ofMinSize(0).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3);
    }

    enum Kind { COMMENT, RENAME, BELOW, UNCERTAIN, EARLIER, DELETE, ADD }

    /** One edit of record {@code target}; returns the id of the record it touched. */
    record Edit(Kind kind, int target) {
        String apply(TempRegistry registry) throws IOException {
            String id = kind == Kind.ADD ? "model-new-" + target : id(target % 6);
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
                case DELETE -> Files.delete(file);
                default -> throw new IllegalStateException(kind.name());
            }
            return id;
        }
    }
}
