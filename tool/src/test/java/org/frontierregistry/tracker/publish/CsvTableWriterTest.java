package org.frontierregistry.tracker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table written a line at a time is what one CSV printer writes for the whole table. */
class CsvTableWriterTest {
    @TempDir
    Path folder;

    @Test
    void eachLineOnItsOwnMakesTheTableOnePrinterMakes() throws IOException {
        TempRegistry registry = TempRegistry.in(folder.resolve("repo"));
        registry.copyResource("records/valid/every-method.yaml");
        registry.write("quoted", RecordYaml.of("quoted", "'=Quoted \"name\", with a comma'", "likely_above", 2.0e25,
                false, "status_reasoning: \"two lines:\\nand a \\\"quote\\\"\"\n"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        ValidationReport report = Validator.forRegistry(registry.layout(), clock).validateAll(registry.layout());
        assertEquals(2, report.records().size(), report.problems().toString());
        List<ModelRecord> records = report.records().records();
        Path file = folder.resolve("models.csv");

        CsvTableWriter.write(file, Tables.all(), records);

        StringBuilder whole = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(whole, CsvTableWriter.FORMAT)) {
            printer.printRecord(Tables.all().stream().map(Column::name).toList());
            for (ModelRecord record : records) {
                printer.printRecord(Tables.all().stream().map(c -> c.value().apply(record)).toList());
            }
        }
        assertEquals(2, records.size());
        assertEquals(whole.toString(), Files.readString(file));
    }
}
