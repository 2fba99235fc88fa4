package org.frontierregistry.tracker.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.record.Source;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every model Epoch AI's Notable AI Models data (July 2026) lists as published 2025-10-01 … 2026-07-15
 * is decided: it has a record (matched by {@code identifiers.epoch}, name or alias; on the list or below
 * the line, with an estimate), or {@code docs/dataset.md} lists it as out of scope with its reason.
 * Where Epoch gives a figure the record reproduces it within 1%, and where Epoch's notes judge a model
 * almost certainly over 1e25 the record is published; deliberate differences are in {@link #ALLOWED}.
 */
class RecentFrontierCoverageTest {
    private static final double TOLERANCE = 0.01;
    private static final String EXCEPTIONS_HEADING = "## Epoch AI's models of October 2025 to July 2026 without a record";

    record Allowed(String model, String reason) {
    }

    /** Records whose figure departs from Epoch's on purpose: the model as Epoch names it, and why. */
    static final List<Allowed> ALLOWED = List.of(
            new Allowed("Inkling",
                    "Epoch's 1.845e24 is 41e9 active parameters x 45e12 tokens without the factor 6 its own note "
                            + "names (6ND); the record keeps 6 x 41e9 x 45e12 = 1.107e25."));

    record OutOfScope(String model, String reason) {
    }

    private static List<RecentEpochModels.Row> window;
    private static RecordSet records;
    private static List<OutOfScope> exceptions;

    @BeforeAll
    static void load() throws IOException {
        window = RecentEpochModels.inWindow();
        Path repo = Path.of(System.getProperty("tracker.repo"));
        RegistryLayout layout = new RegistryLayout(repo);
        ValidationReport report = Validator.forRegistry(layout, Clock.systemUTC()).validateAll(layout);
        assertTrue(report.clean(), () -> "the repository's records must validate before they are compared: "
                + report.problems().stream().map(p -> p.file().getFileName() + ": " + p.message()).limit(10).toList());
        records = report.records();
        exceptions = readExceptions(repo.resolve("docs/dataset.md"));
    }

    /** The table under {@link #EXCEPTIONS_HEADING}: | Epoch's model | published | why no record |. */
    static List<OutOfScope> readExceptions(Path datasetDoc) throws IOException {
        List<OutOfScope> found = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(datasetDoc, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals(EXCEPTIONS_HEADING);
                continue;
            }
            if (!inSection || !line.startsWith("|") || line.startsWith("|---") || line.startsWith("| Epoch's model")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            assertEquals(5, cells.length, "docs/dataset.md: an exception row needs three cells: " + line);
            found.add(new OutOfScope(cells[1].strip(), cells[3].strip()));
        }
        assertFalse(found.isEmpty(), "docs/dataset.md has no table under '" + EXCEPTIONS_HEADING + "'");
        return found;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The record of Epoch's model: its identifiers.epoch first, else its name, else one of its aliases. */
    private static Optional<ModelRecord> recordOf(String model) {
        Optional<ModelRecord> byEpoch = records.records().stream()
                .filter(r -> r.identifiers().epoch() != null && key(r.identifiers().epoch()).equals(key(model))).findFirst();
        if (byEpoch.isPresent()) {
            return byEpoch;
        }
        return records.records().stream()
                .filter(r -> key(r.name()).equals(key(model)) || r.aliases().stream().anyMatch(a -> key(a).equals(key(model))))
                .findFirst();
    }

    private static Optional<ModelRecord> ownRecordOf(String model) {
        return records.records().stream()
                .filter(r -> r.identifiers().epoch() != null && key(r.identifiers().epoch()).equals(key(model))).findFirst();
    }

    @Test
    void theCopyHoldsSeventyFourModelsInTheWindow() {
        assertEquals(74, window.size());
    }

    @Test
    void everyModelInTheWindowIsARecordOrAListedException() {
        Map<String, String> undecided = new LinkedHashMap<>();
        for (RecentEpochModels.Row row : window) {
            boolean excepted = exceptions.stream().anyMatch(e -> key(e.model()).equals(key(row.model())));
            if (recordOf(row.model()).isEmpty() && !excepted) {
                undecided.put(row.model(), row.date().toString());
            }
        }
        assertEquals(Map.of(), undecided, "Epoch's models with neither a record (identifiers.epoch, name or alias) "
                + "nor a line under '" + EXCEPTIONS_HEADING + "' in docs/dataset.md");
    }

    @Test
    void everyExceptionHasAReasonNamesAModelInTheWindowAndIsStillNeeded() {
        List<String> wrong = new ArrayList<>();
        for (OutOfScope exception : exceptions) {
            if (exception.reason().isBlank()) {
                wrong.add(exception.model() + ": no reason given");
            }
            if (window.stream().noneMatch(r -> key(r.model()).equals(key(exception.model())))) {
                wrong.add(exception.model() + ": not a model of Epoch's data published in the window (check the spelling)");
            }
            recordOf(exception.model()).ifPresent(r -> wrong.add(exception.model()
                    + ": now has a record (" + r.id() + "); remove its line from docs/dataset.md"));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRecordOfTheWindowIsDecidedAndCitesEpoch() {
        List<String> wrong = new ArrayList<>();
        for (RecentEpochModels.Row row : window) {
            Optional<ModelRecord> found = ownRecordOf(row.model());
            if (found.isEmpty()) {
                continue;
            }
            ModelRecord record = found.get();
            if (record.headlineFlop() == null) {
                wrong.add(record.id() + ": no estimate, so neither on the list nor below it");
            }
            if (record.sources().stream().map(Source::url).noneMatch(u -> u.contains("epoch.ai"))) {
                wrong.add(record.id() + ": does not cite Epoch AI's data among its sources");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyEpochFigureIsReproducedWithinOnePercent() {
        List<String> off = new ArrayList<>();
        for (RecentEpochModels.Row row : window) {
            Optional<ModelRecord> record = ownRecordOf(row.model());
            if (row.flop() == null || record.isEmpty() || allowed(row.model())) {
                continue;
            }
            Double flop = record.get().headlineFlop();
            if (flop == null || Math.abs(flop / row.flop() - 1) > TOLERANCE) {
                off.add(String.format(Locale.ROOT, "%s (%s): record %s, Epoch %.4g", row.model(), record.get().id(), flop, row.flop()));
            }
        }
        assertEquals(List.of(), off, "headline compute more than 1% from Epoch's figure");
    }

    @Test
    void aModelEpochJudgesAboveTheLineIsPublished() {
        List<String> wrong = new ArrayList<>();
        for (RecentEpochModels.Row row : window) {
            boolean above = row.judgedAbove() || (row.flop() != null && row.flop() >= 1e25);
            Optional<ModelRecord> record = recordOf(row.model());
            if (above && !allowed(row.model()) && (record.isEmpty() || !record.get().status().isPublished())) {
                wrong.add(row.model() + ": Epoch places it over 1e25, the registry "
                        + record.map(r -> "has status " + r.status().key()).orElse("has no record"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyAllowedDifferenceHasAReasonAndIsStillNeeded() {
        for (Allowed entry : ALLOWED) {
            assertFalse(entry.reason().isBlank(), entry.model() + ": an allowed difference needs its reason");
            RecentEpochModels.Row row = window.stream().filter(r -> r.model().equals(entry.model())).findFirst()
                    .orElseThrow(() -> new AssertionError(entry.model() + " is allowed a difference but is not in the window"));
            Double flop = ownRecordOf(entry.model()).map(ModelRecord::headlineFlop).orElse(null);
            assertTrue(flop != null && row.flop() != null && Math.abs(flop / row.flop() - 1) > TOLERANCE,
                    entry.model() + " no longer differs from Epoch's figure: remove it from ALLOWED");
        }
    }

    private static boolean allowed(String model) {
        return ALLOWED.stream().anyMatch(a -> a.model().equals(model));
    }
}
