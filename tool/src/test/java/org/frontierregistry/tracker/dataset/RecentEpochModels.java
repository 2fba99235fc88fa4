package org.frontierregistry.tracker.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The models of Epoch AI's Notable AI Models download (July 2026 copy, see
 * src/test/resources/fixtures/epoch/SOURCE.md) published in the window the registry was brought
 * current over: 2025-10-01 … 2026-07-15.
 */
final class RecentEpochModels {
    static final LocalDate FIRST = LocalDate.of(2025, 10, 1);
    static final LocalDate LAST = LocalDate.of(2026, 7, 15);
    private static final String COPY = "/fixtures/epoch/notable_ai_models_2026-07.csv";

    /** One row: Epoch's name (trimmed), publication date, compute figure (null when none) and compute notes. */
    record Row(String model, LocalDate date, Double flop, String computeNotes) {
        /** Epoch's notes judge the model over 1e25 without giving a figure ("almost certainly > 1e25"). */
        boolean judgedAbove() {
            String notes = computeNotes.toLowerCase(Locale.ROOT).replace(" ", "");
            return notes.contains("almostcertainly>1e25") || notes.contains("verylikelyitused>1e25");
        }
    }

    private RecentEpochModels() {
    }

    static List<Row> inWindow() throws IOException {
        try (InputStream in = RecentEpochModels.class.getResourceAsStream(COPY);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord row : csv) {
                String published = row.get("Publication date").strip();
                LocalDate date = published.isEmpty() ? null : LocalDate.parse(published);
                if (date == null || date.isBefore(FIRST) || date.isAfter(LAST)) {
                    continue;
                }
                String flop = row.get("Training compute (FLOP)").strip();
                rows.add(new Row(row.get("Model").strip(), date, flop.isEmpty() ? null : Double.valueOf(flop),
                        row.get("Training compute notes")));
            }
            return rows;
        }
    }
}
