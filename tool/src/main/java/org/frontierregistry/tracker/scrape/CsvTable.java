package org.frontierregistry.tracker.scrape;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV response read by header name, with the shape checks every CSV source needs: the columns the
 * scraper relies on are present, and there are at least as many rows as a healthy response has.
 */
public final class CsvTable {
    private final List<String> header;
    private final List<CSVRecord> rows;

    private CsvTable(List<String> header, List<CSVRecord> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * @param required columns that must be present (a renamed column fails here, naming it)
     * @param minRows  fewer rows than this means the response is broken or truncated
     */
    public static CsvTable parse(String source, byte[] body, String origin, List<String> required, int minRows)
            throws SourceShapeException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> header;
        List<CSVRecord> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreSurroundingSpaces(false).build()
                .parse(new StringReader(text))) {
            header = parser.getHeaderNames();
            for (CSVRecord row : parser) {
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The row iterator reports a broken row (a quote never closed in a cut-off download) as an UncheckedIOException.
            throw new SourceShapeException(source + ": " + origin + " is not readable CSV (" + e.getMessage()
                    + "); the response may be truncated or not CSV at all");
        }
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new SourceShapeException(source + ": " + origin + " lacks the column(s) " + quoted(missing)
                    + " the scraper reads; the source changed shape. Columns present: " + quoted(header)
                    + ". Update the " + source + " source class (see docs/sources.md) before proposing anything.");
        }
        if (rows.size() < minRows) {
            throw new SourceShapeException(source + ": " + origin + " has " + rows.size() + " rows where at least "
                    + minRows + " are expected; the response looks truncated or emptied, so nothing is proposed.");
        }
        return new CsvTable(List.copyOf(header), rows);
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>(rows.size());
        for (CSVRecord r : rows) {
            out.add(new Row(r));
        }
        return out;
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** The first of {@code names} that is a column (sources rename columns between releases). */
    public String firstPresent(String... names) {
        return Arrays.stream(names).filter(header::contains).findFirst().orElse(null);
    }

    /** One row; values are trimmed, and absent or blank cells are null. */
    public static final class Row {
        private final Map<String, String> values;
        private final long line;

        Row(CSVRecord record) {
            this.values = record.toMap();
            this.line = record.getRecordNumber() + 1;
        }

        public String get(String column) {
            if (column == null) {
                return null;
            }
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        public Double number(String column) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(v.replace(",", ""));
                return Double.isFinite(d) && d > 0 ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The record number in the file (header is record 1). */
        public long line() {
            return line;
        }
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
