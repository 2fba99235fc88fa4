package org.frontierregistry.tracker.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
        write(file, columns, records, RowReuse.none());
    }

    /** Each record's line is copied from the last build when {@code reuse} has it; the output is named by the file. */
    public static void write(Path file, List<Column> columns, List<ModelRecord> records, RowReuse reuse) throws IOException {
        AtomicFiles.write(file, stream -> {
            OutputStream out = new BufferedOutputStream(stream, 1 << 16);
            RowWriter rows = reuse.writer(file.getFileName().toString(), out);
            rows.text(line(columns.stream().map(Column::name).toList()));
            for (ModelRecord record : records) {
                rows.row(record.id(), () -> line(columns.stream().map(c -> c.value().apply(record)).toList()));
            }
            rows.finish();
            out.flush();
        });
    }

    /** One line of the table, with its line end: a printer per line writes exactly what one printer for all would. */
    private static String line(List<String> values) {
        StringBuilder text = new StringBuilder(256);
        try {
            new CSVPrinter(text, FORMAT).printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }
}
