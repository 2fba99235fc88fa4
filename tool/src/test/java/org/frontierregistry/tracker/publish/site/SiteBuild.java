package org.frontierregistry.tracker.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.publish.Publisher;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;

/** Helpers shared by the site tests: publish a temp registry, read the CSVs the page must agree with. */
final class SiteBuild {
    private SiteBuild() {
    }

    /**
     * Every record of the registry that reads and passes the schema. The page is published from these
     * directly (not through {@code tracker build}), so that these tests stay about the page even when
     * later estimation checks would want the fixtures' derived numbers recomputed.
     */
    static RecordSet records(TempRegistry registry, int expectedCount) throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        ValidationReport report = Validator.forRegistry(registry.layout(), clock).validateAll(registry.layout());
        assertEquals(expectedCount, report.records().size(), "fixture records that failed to load: " + report.problems());
        return report.records();
    }

    static Path publish(TempRegistry registry, int expectedCount, SiteOptions options, Path out) throws IOException {
        new Publisher(options).publish(records(registry, expectedCount), out);
        return out.resolve(SitePage.FILE_NAME);
    }

    static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }
}
