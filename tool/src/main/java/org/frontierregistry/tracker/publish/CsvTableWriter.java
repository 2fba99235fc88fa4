package org.frontierregistry.tracker.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.record.ModelRecord;

/** Writes records as an RFC 4180 CSV (UTF-8, LF line ends, quoting only where needed). */
public final class CsvTableWriter {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    private CsvTableWriter() {
    }

    public static void write(Path file, List<Column> columns, List<ModelRecord> records) throws IOException {
        AtomicFiles.write(file, stream -> {
            // Buffered: the printer writes each value and separator on its own, each a call into the encoder.
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            csv.printRecord(columns.stream().map(Column::name).toList());
            for (ModelRecord record : records) {
                csv.printRecord(columns.stream().map(c -> c.value().apply(record)).toList());
            }
            csv.flush();
        });
    }
}
