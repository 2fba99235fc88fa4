package org.frontierregistry.tracker.imputation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.record.Scientific;

/**
 * The table benchmark imputation learns from, as the CSV committed in {@code data/imputation/training.csv}:
 * one row per model, ordered by publication date then key, numbers without binary noise.
 */
public record TrainingTable(List<TrainingRow> rows) {
    static final List<String> FIXED = List.of("key", "name", "publication_date", "training_compute_flop", "confidence",
            "compute_from");

    public TrainingTable {
        rows = rows.stream().sorted(Comparator.comparing(TrainingRow::date).thenComparing(TrainingRow::key)).toList();
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(Predictor.keys());
        return header;
    }

    public String toCsv() {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
            printer.printRecord(header());
            for (TrainingRow row : rows) {
                List<String> cells = new ArrayList<>(List.of(row.key(), row.name(), row.date().toString(),
                        Scientific.of(row.flop()), row.confidence(), row.computeFrom()));
                for (String key : Predictor.keys()) {
                    Double score = row.scores().get(key);
                    cells.add(score == null ? "" : Scientific.clean(score).toPlainString());
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Reads the committed table.
     *
     * @param origin the file name, for messages
     * @throws IllegalArgumentException naming the line and column of a cell that is not what it should be
     */
    public static TrainingTable parse(Reader reader, String origin) throws IOException {
        List<TrainingRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            List<String> missing = header().stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(origin + ":1: missing column(s) " + String.join(", ", missing)
                        + "; rebuild the table with: tracker imputation build (see docs/methodology.md)");
            }
            for (CSVRecord record : parser) {
                Map<String, Double> scores = new TreeMap<>();
                for (String key : Predictor.keys()) {
                    String cell = record.get(key);
                    if (!cell.isBlank()) {
                        scores.put(key, number(cell, origin, record, key));
                    }
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(record.get("publication_date"));
                } catch (DateTimeParseException e) {
                    throw cellError(origin, record, "publication_date", "is not a date (YYYY-MM-DD)");
                }
                rows.add(new TrainingRow(record.get("key"), record.get("name"), date,
                        number(record.get("training_compute_flop"), origin, record, "training_compute_flop"),
                        record.get("confidence"), record.get("compute_from"), scores));
            }
        }
        return new TrainingTable(rows);
    }

    private static double number(String cell, String origin, CSVRecord record, String column) {
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw cellError(origin, record, column, "is not a number: '" + cell + "'");
    }

    private static IllegalArgumentException cellError(String origin, CSVRecord record, String column, String what) {
        return new IllegalArgumentException(origin + ":" + (record.getRecordNumber() + 1) + ": column '" + column + "' " + what
                + "; fix the cell or rebuild the table with: tracker imputation build");
    }
}
