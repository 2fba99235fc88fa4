package org.frontierregistry.tracker.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;

/**
 * Counts of the models above the line (status above or likely_above) by year, quarter, organisation,
 * country and month, and how complete the records are (coverage), with the records missing each field.
 */
public final class Stats {
    /** How many months "per month" looks back, ending with the month of {@code today}. */
    public static final int MONTHS = 24;

    private Stats() {
    }

    /** One line of a section. {@code share} and {@code perMonth} are null where they mean nothing. */
    public record Row(String key, int count, Double share, Double perMonth, List<String> missing) {
        public Row {
            missing = missing == null ? List.of() : List.copyOf(missing);
        }
    }

    public record Section(String name, String title, List<Row> rows) {
    }

    /** The sections, in the order they are printed. */
    public static final List<String> SECTIONS = List.of("above_by_year", "above_by_quarter", "above_by_organization",
            "above_by_country", "above_per_month", "coverage");

    /** @param records every record read; @param above how many of them are above the line */
    public record Report(LocalDate today, int records, int above, List<Section> sections) {
        /** The same report with only the named sections. */
        public Report only(List<String> names) {
            return new Report(today, records, above, sections.stream().filter(s -> names.contains(s.name())).toList());
        }
    }

    public static Report of(List<ModelRecord> all, LocalDate today) {
        List<ModelRecord> above = all.stream().filter(r -> r.status() != null && r.status().isPublished()).toList();
        List<Section> sections = new ArrayList<>();
        sections.add(byYear(above, today));
        sections.add(new Section("above_by_quarter", "Above the line, by quarter of publication",
                sortedByKey(count(above, r -> List.of(r.publicationDate().getYear() + "-Q"
                        + ((r.publicationDate().getMonthValue() - 1) / 3 + 1))))));
        sections.add(new Section("above_by_organization", "Above the line, by organisation (a model counts for each developer)",
                sortedByCount(count(above, ModelRecord::organizations))));
        sections.add(new Section("above_by_country", "Above the line, by country of the developers",
                sortedByCount(count(above, ModelRecord::countries))));
        sections.add(perMonth(above, today));
        sections.add(coverage(all));
        return new Report(today, all.size(), above.size(), List.copyOf(sections));
    }

    private static Section byYear(List<ModelRecord> above, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sortedByKey(count(above, r -> List.of(Integer.toString(r.publicationDate().getYear()))))) {
            int year = Integer.parseInt(row.key());
            int months = year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
            rows.add(new Row(row.key(), row.count(), null, months == 0 ? null : (double) row.count() / months, List.of()));
        }
        return new Section("above_by_year", "Above the line, by year (per month: over the year's months so far)",
                rows);
    }

    private static Section perMonth(List<ModelRecord> above, LocalDate today) {
        Map<String, Integer> counts = count(above, r -> List.of(YearMonth.from(r.publicationDate()).toString()));
        List<Row> rows = new ArrayList<>();
        YearMonth last = YearMonth.from(today);
        for (YearMonth month = last.minusMonths(MONTHS - 1); !month.isAfter(last); month = month.plusMonths(1)) {
            rows.add(new Row(month.toString(), counts.getOrDefault(month.toString(), 0), null, null, List.of()));
        }
        return new Section("above_per_month", "Above the line, per month of publication (the last " + MONTHS + " months)", rows);
    }

    /** Over every record except rejected bot candidates (those are not models). */
    private static Section coverage(List<ModelRecord> all) {
        List<ModelRecord> counted = all.stream().filter(r -> r.status() != Status.REJECTED).toList();
        List<Row> rows = new ArrayList<>();
        rows.add(covered(counted, "parameters", r -> r.parameters() != null));
        rows.add(covered(counted, "training_tokens", r -> r.trainingTokens() != null));
        rows.add(covered(counted, "hardware", r -> r.hardware() != null));
        rows.add(covered(counted, "reported_figure", r -> Fields.tc(r).estimates().stream().anyMatch(e -> e.method() == Method.REPORTED)));
        rows.add(covered(counted, "two_or_more_sources", r -> r.sources().size() >= 2));
        rows.add(covered(counted, "verified_review", ModelRecord::verified));
        return new Section("coverage", "Coverage of " + counted.size() + " records (rejected ones aside); those missing a field are listed", rows);
    }

    private static Row covered(List<ModelRecord> records, String key, Predicate<ModelRecord> has) {
        List<String> missing = records.stream().filter(has.negate()).map(ModelRecord::id).sorted().toList();
        int count = records.size() - missing.size();
        return new Row(key, count, records.isEmpty() ? null : (double) count / records.size(), null, missing);
    }

    private static Map<String, Integer> count(List<ModelRecord> records, Function<ModelRecord, List<String>> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ModelRecord record : records) {
            keys.apply(record).stream().distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        return counts;
    }

    private static List<Row> sortedByKey(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue(), null, null, List.of())).toList();
    }

    private static List<Row> sortedByCount(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Row(e.getKey(), e.getValue(), null, null, List.of()))
                .toList();
    }
}
