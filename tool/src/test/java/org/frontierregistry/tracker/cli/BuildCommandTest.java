package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    @TempDir
    Path folder;

    private static final String TRICKY = """
            # yaml-language-server: $schema=../schema/model.schema.json
            id: tricky
            name: "=HYPERLINK(\\"http://evil.example\\"), \\"quoted\\"\\nsecond line"
            organizations: ["@Lab, Inc."]
            publication_date: 2024-05-01
            domains: [Language]
            training_compute:
              estimates:
                - method: reported
                  flop: 2e25
                  confidence: Likely
                  inputs: {reported_flop: 2e25}
                  reasoning: "-Stated by the developer, with a comma, a \\"quote\\" and\\na new line."
              flop: 2e25
              confidence: Likely
              log10_sd: 0.608
              interval_90: [2e24, 2e26]
              p_above: 0.69
              method: reported
            status: likely_above
            sources: [{id: a, url: "https://example.org/a"}]
            review: {verified: false}
            provenance: {created_by: contractor}
            """;

    /** Four records, one without an estimate (a warning). */
    private TempRegistry registryWithRecords() {
        TempRegistry registry = registryFoundClean();
        registry.copyResource("records/valid/minimal-record.yaml");
        return registry;
    }

    /** Records that validate without a warning: the registry's clean run is remembered. */
    private TempRegistry registryFoundClean() {
        TempRegistry registry = TempRegistry.in(folder.resolve("repo"));
        registry.copyResource("records/valid/every-method.yaml");
        registry.copyResource("records/valid/reference-model.yaml");
        registry.write("tricky", TRICKY);
        return registry;
    }

    @Test
    void buildWritesTheFourOutputsAndPublishesOnlyModelsAboveTheLine() throws IOException {
        TempRegistry registry = registryWithRecords();
        Path out = folder.resolve("dist");

        Run run = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        for (String name : List.of("models.csv", "above_1e25_flop.csv", "models.json", "datapackage.json")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        List<CSVRecord> all = readCsv(out.resolve("models.csv"));
        assertEquals(List.of("minimal-record", "tricky", "reference-model", "every-method"), all.stream().map(r -> r.get("id")).toList(),
                "every record, ordered by publication date then id");
        List<CSVRecord> published = readCsv(out.resolve("above_1e25_flop.csv"));
        assertEquals(1, published.size());
        assertEquals("tricky", published.get(0).get("id"));
        assertEquals("2e+25", published.get(0).get("Training compute (FLOP)"));
        assertEquals("likely_above", published.get(0).get("status"));
        assertTrue(run.out().contains("Built 4 records (1 above the line)"), run.out());
    }

    @Test
    void theSitesTrendsAreKeptApartFromThoseOfStatsSoEachIsReused() throws IOException {
        TempRegistry registry = registryWithRecords();
        Path out = folder.resolve("dist");
        assertEquals(ExitCodes.OK, registry.run("build", "--out", out.toString()).exitCode());
        Path site = registry.layout().trendsCacheFile("site").orElseThrow();
        assertTrue(Files.isRegularFile(site), "the build remembers its trends");
        Files.setLastModifiedTime(site, FileTime.fromMillis(0));

        Run stats = registry.run("stats", "--trends");
        Run again = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.OK, stats.exitCode(), stats.all());
        assertEquals(ExitCodes.OK, again.exitCode(), again.all());
        assertTrue(Files.isRegularFile(registry.layout().trendsCacheFile("stats").orElseThrow()), "stats remembers its own");
        assertEquals(0, Files.getLastModifiedTime(site).toMillis(),
                "stats --trends (as of today) left the site's trends (as of the newest record) for the next build");
    }

    @Test
    void textWithCommasQuotesNewlinesAndFormulaStartsRoundTripsThroughACsvReader() throws IOException {
        TempRegistry registry = registryWithRecords();
        Path out = folder.resolve("dist");
        registry.run("build", "--out", out.toString());

        CSVRecord row = readCsv(out.resolve("above_1e25_flop.csv")).get(0);

        assertEquals("'=HYPERLINK(\"http://evil.example\"), \"quoted\"\nsecond line", row.get("Model"),
                "a leading = is neutralised with an apostrophe; everything else survives exactly");
        assertEquals("'@Lab, Inc.", row.get("Organization"));
        assertEquals("reported (2e+25): -Stated by the developer, with a comma, a \"quote\" and\na new line.",
                row.get("Training compute notes"), "notes start with the method, so no formula start");
    }

    @Test
    void theDataPackageDescribesEveryColumnOfBothTables() throws IOException {
        TempRegistry registry = registryWithRecords();
        Path out = folder.resolve("dist");
        registry.run("build", "--out", out.toString());

        JsonNode pack = new ObjectMapper().readTree(out.resolve("datapackage.json").toFile());
        for (JsonNode resource : pack.get("resources")) {
            List<String> header = readHeader(out.resolve(resource.get("path").asText()));
            List<String> fields = new ArrayList<>();
            resource.get("schema").get("fields").forEach(f -> fields.add(f.get("name").asText()));
            assertEquals(header, fields, resource.get("path").asText());
        }
        JsonNode models = new ObjectMapper().readTree(out.resolve("models.json").toFile());
        assertEquals(4, models.get("count").asInt());
        assertEquals("every-method", models.get("models").get(3).get("id").asText());
    }

    @Test
    void twoBuildsAndABuildUnderAnotherLocaleAndTimeZoneAreByteIdentical() throws IOException {
        TempRegistry registry = registryWithRecords();
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        Path foreign = folder.resolve("foreign");
        registry.run("build", "--out", first.toString());
        registry.run("build", "--out", second.toString());
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            registry.run("build", "--out", foreign.toString());
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        for (String name : fileNames(first)) {
            byte[] expected = Files.readAllBytes(first.resolve(name));
            assertArrayEquals(expected, Files.readAllBytes(second.resolve(name)), name);
            assertArrayEquals(expected, Files.readAllBytes(foreign.resolve(name)), name + " under tr-TR / UTC+14");
        }
        assertEquals(fileNames(first), fileNames(foreign));
    }

    @Test
    void aRebuildReplacesTheOutputsWholeAndKeepsTheScrapeCacheAndManifestBesideThem() throws IOException {
        TempRegistry registry = registryWithRecords();
        Path out = folder.resolve("dist");
        Files.createDirectories(out.resolve("scrape-cache"));
        Files.writeString(out.resolve("scrape-cache/0a1b.entry"), "cached response");
        Files.writeString(out.resolve("proposals.json"), "{\"proposals\": []}\n");
        Files.writeString(out.resolve("models.csv"), "a stale table\n");

        Run run = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertTrue(Files.readString(out.resolve("models.csv")).startsWith("id,"), "models.csv is the new build's");
        assertEquals("cached response", Files.readString(out.resolve("scrape-cache/0a1b.entry")));
        assertEquals("{\"proposals\": []}\n", Files.readString(out.resolve("proposals.json")));
        assertEquals(List.of("dist", "repo"), entries(folder), "no staging folder is left beside dist/");
    }

    @Test
    void aBuildInterruptedBetweenItsTwoRenamesIsPutRightByTheNextBuild() throws IOException {
        TempRegistry registry = registryWithRecords();
        Path out = folder.resolve("dist");
        registry.run("build", "--out", out.toString());
        byte[] built = Files.readAllBytes(out.resolve("models.json"));
        Files.move(out, folder.resolve(".dist.tracker-old"));
        Files.createDirectories(folder.resolve(".dist.tracker-new"));
        Files.writeString(folder.resolve(".dist.tracker-new/models.csv"), "half a tab");

        Run run = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertTrue(run.err().contains("note: an earlier build was interrupted; put the previous dist/ back, removed an"
                + " unfinished .dist.tracker-new/."), run.err());
        assertArrayEquals(built, Files.readAllBytes(out.resolve("models.json")));
        assertEquals(List.of("dist", "repo"), entries(folder));
    }

    @Test
    void aBuildWithNothingChangedSinceTheLastLeavesItsOutputsAsTheyAre() throws IOException {
        TempRegistry registry = registryFoundClean();
        Path out = folder.resolve("dist");
        Run first = registry.run("build", "--out", out.toString());
        List<Object> written = identities(out);

        Run again = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.OK, again.exitCode(), again.all());
        assertTrue(again.out().startsWith(first.out()), again.out());
        assertTrue(again.out().contains("nothing changed since the last build into this folder"), again.out());
        assertEquals(written, identities(out), "not one output rewritten");
        Path fresh = folder.resolve("fresh");
        registry.run("build", "--no-cache", "--out", fresh.toString());
        for (String name : fileNames(fresh)) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }

    @Test
    void anEditedRecordAnOutputChangedByHandOrOtherSiteOptionsBuildAgain() throws IOException {
        TempRegistry registry = registryFoundClean();
        Path out = folder.resolve("dist");
        registry.run("build", "--out", out.toString());
        assertTrue(registry.run("build", "--out", out.toString()).out().contains("nothing changed"), "the build is known");

        Path record = registry.root().resolve("models/reference-model.yaml");
        String name = Files.readAllLines(record).stream().filter(line -> line.startsWith("name: ")).findFirst().orElseThrow();
        Files.writeString(record, Files.readString(record).replace(name + "\n", "name: Renamed Model\n"));
        Run edited = registry.run("build", "--out", out.toString());
        assertEquals(ExitCodes.OK, edited.exitCode(), edited.all());
        assertFalse(edited.out().contains("nothing changed"), edited.out());
        assertTrue(Files.readString(out.resolve("models.csv")).contains("Renamed Model"));

        byte[] table = Files.readAllBytes(out.resolve("models.csv"));
        Files.writeString(out.resolve("models.csv"), "a table changed by hand\n");
        Run mended = registry.run("build", "--out", out.toString());
        assertFalse(mended.out().contains("nothing changed"), mended.out());
        assertArrayEquals(table, Files.readAllBytes(out.resolve("models.csv")));

        Run linked = registry.run("build", "--out", out.toString(), "--site-repo-url", "https://github.com/org/registry");
        assertFalse(linked.out().contains("nothing changed"), linked.out());
        assertTrue(Files.readString(out.resolve("index.html")).contains("https://github.com/org/registry/blob/main/models/"));
    }

    @Test
    void aBuildAfterAnEditWritesWhatABuildFromNothingWrites() throws IOException {
        TempRegistry registry = registryFoundClean();
        Path out = folder.resolve("dist");
        registry.run("build", "--out", out.toString());
        Path rows = Path.of(registry.layout().lastBuildFile().orElseThrow() + ".rows");
        assertTrue(Files.isRegularFile(rows), "where each record's rows went is kept for the next build");
        Path record = registry.root().resolve("models/tricky.yaml");
        Files.writeString(record, Files.readString(record).replace("organizations: [\"@Lab, Inc.\"]",
                "organizations: [\"@Lab, Inc.\", Second Lab]"));

        Run edited = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.OK, edited.exitCode(), edited.all());
        assertTrue(Files.readString(out.resolve("above_1e25_flop.csv")).contains("Second Lab"));
        Path fresh = folder.resolve("fresh");
        registry.run("build", "--no-cache", "--out", fresh.toString());
        for (String name : fileNames(fresh)) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }

    @Test
    void aRegistryWithAWarningIsBuiltEveryTimeAsItsCleanRunIsNotRemembered() {
        TempRegistry registry = registryWithRecords();
        Path out = folder.resolve("dist");
        registry.run("build", "--out", out.toString());

        Run again = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.OK, again.exitCode(), again.all());
        assertFalse(again.out().contains("nothing changed"), again.out());
    }

    /** Each output's name, inode and modification time: what rewriting it would change. */
    private static List<Object> identities(Path dir) throws IOException {
        List<Object> identities = new ArrayList<>();
        for (String name : fileNames(dir)) {
            Path file = dir.resolve(name);
            identities.add(List.of(name, Files.getAttribute(file, "unix:ino"), Files.getLastModifiedTime(file)));
        }
        return identities;
    }

    @Test
    void theRegistryItselfIsNotAnOutputFolder() {
        TempRegistry registry = registryWithRecords();

        Run run = registry.run("build", "--out", registry.root().toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
        assertTrue(run.err().contains("holds the registry itself; give a folder for the outputs only"), run.err());
        assertTrue(Files.isDirectory(registry.root().resolve("models")));
    }

    @Test
    void nothingIsBuiltWhenARecordHasProblems() throws IOException {
        TempRegistry registry = registryWithRecords();
        registry.copyResource("records/invalid/bad-enum.yaml");
        Path out = folder.resolve("dist");

        Run run = registry.run("build", "--out", out.toString());

        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertTrue(run.err().contains("models/bad-enum.yaml:64:9"), run.err());
        assertTrue(run.err().contains("Nothing was built"), run.err());
        assertFalse(Files.exists(out));
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    private static List<String> readHeader(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
            return parser.getHeaderNames();
        }
    }
}
