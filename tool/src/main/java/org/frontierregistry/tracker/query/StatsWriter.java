package org.frontierregistry.tracker.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.frontierregistry.tracker.publish.CsvTableWriter;
import org.frontierregistry.tracker.publish.Numbers;

/** Prints a {@link Stats.Report} in one of the {@link OutputFormat}s. */
public final class StatsWriter {
    private StatsWriter() {
    }

    public static void write(OutputFormat format, Stats.Report report, PrintWriter out) {
        out.print(switch (format) {
            case table -> text(report);
            case csv -> csv(report);
            case json -> json(report);
            case markdown -> markdown(report);
        });
        out.flush();
    }

    static String text(Stats.Report report) {
        StringBuilder text = new StringBuilder(summary(report)).append('\n');
        for (Stats.Section section : report.sections()) {
            text.append('\n').append(section.title()).append('\n');
            if (section.name().equals("above_per_month")) {
                text.append(monthGrid(section));
                continue;
            }
            boolean shares = section.rows().stream().anyMatch(r -> r.share() != null);
            boolean rates = section.rows().stream().anyMatch(r -> r.perMonth() != null);
            List<String> headers = new ArrayList<>(List.of(keyHeader(section), "count"));
            List<Boolean> right = new ArrayList<>(List.of(false, true));
            if (shares) {
                headers.add("share");
                right.add(true);
            }
            if (rates) {
                headers.add("per month");
                right.add(true);
            }
            TextTable table = new TextTable(headers, right);
            for (Stats.Row row : section.rows()) {
                List<String> cells = new ArrayList<>(List.of(row.key(), Integer.toString(row.count())));
                if (shares) {
                    cells.add(percent(row.share()));
                }
                if (rates) {
                    cells.add(decimal(row.perMonth()));
                }
                table.row(cells);
            }
            text.append(table.render(TextTable.TERMINAL_WIDTH));
            if (section.rows().isEmpty()) {
                text.append("(none)\n");
            }
            for (Stats.Row row : section.rows()) {
                if (!row.missing().isEmpty()) {
                    text.append(wrap("Missing " + row.key() + " (" + row.missing().size() + "): "
                            + String.join(", ", row.missing()), TextTable.TERMINAL_WIDTH));
                }
            }
        }
        return text.toString();
    }

    static String csv(Stats.Report report) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CsvTableWriter.FORMAT)) {
            csv.printRecord("section", "key", "count", "share", "per_month", "missing");
            csv.printRecord("records", "all", report.records(), "", "", "");
            csv.printRecord("records", "above", report.above(), "", "", "");
            for (Stats.Section section : report.sections()) {
                for (Stats.Row row : section.rows()) {
                    csv.printRecord(section.name(), row.key(), row.count(), plain(row.share()), plain(row.perMonth()),
                            String.join("; ", row.missing()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String json(Stats.Report report) {
        ObjectNode root = RecordWriter.Json.MAPPER.createObjectNode();
        root.put("today", report.today().toString());
        root.put("records", report.records());
        root.put("above", report.above());
        ObjectNode sections = root.putObject("sections");
        for (Stats.Section section : report.sections()) {
            ObjectNode node = sections.putObject(section.name());
            node.put("title", section.title());
            ArrayNode rows = node.putArray("rows");
            for (Stats.Row row : section.rows()) {
                ObjectNode r = rows.addObject();
                r.put("key", row.key());
                r.put("count", row.count());
                if (row.share() != null) {
                    r.put("share", row.share());
                }
                if (row.perMonth() != null) {
                    r.put("per_month", row.perMonth());
                }
                if (!row.missing().isEmpty()) {
                    row.missing().forEach(r.putArray("missing")::add);
                }
            }
        }
        return RecordWriter.pretty(root);
    }

    static String markdown(Stats.Report report) {
        StringBuilder md = new StringBuilder(summary(report)).append('\n');
        for (Stats.Section section : report.sections()) {
            md.append("\n### ").append(section.title()).append("\n\n");
            boolean shares = section.rows().stream().anyMatch(r -> r.share() != null);
            boolean rates = section.rows().stream().anyMatch(r -> r.perMonth() != null);
            List<String> headers = new ArrayList<>(List.of(keyHeader(section), "count"));
            List<String> align = new ArrayList<>(List.of("---", "---:"));
            if (shares) {
                headers.add("share");
                align.add("---:");
                headers.add("missing");
                align.add("---");
            }
            if (rates) {
                headers.add("per month");
                align.add("---:");
            }
            md.append(RecordWriter.markdownRow(headers)).append(RecordWriter.markdownRow(align));
            for (Stats.Row row : section.rows()) {
                List<String> cells = new ArrayList<>(List.of(row.key(), Integer.toString(row.count())));
                if (shares) {
                    cells.add(percent(row.share()));
                    cells.add(String.join(", ", row.missing()));
                }
                if (rates) {
                    cells.add(decimal(row.perMonth()));
                }
                md.append(RecordWriter.markdownRow(cells));
            }
        }
        return md.toString();
    }

    /** Months as a calendar: one line per year, one column per month; blank outside the window. */
    private static String monthGrid(Stats.Section section) {
        Map<String, String> counts = new LinkedHashMap<>();
        section.rows().forEach(r -> counts.put(r.key(), Integer.toString(r.count())));
        List<String> headers = new ArrayList<>(List.of("year"));
        List<Boolean> right = new ArrayList<>(List.of(false));
        for (Month month : Month.values()) {
            headers.add(month.getDisplayName(TextStyle.SHORT, Locale.ROOT));
            right.add(true);
        }
        TextTable grid = new TextTable(headers, right);
        section.rows().stream().map(r -> r.key().substring(0, 4)).distinct().forEach(year -> {
            List<String> cells = new ArrayList<>(List.of(year));
            for (int m = 1; m <= 12; m++) {
                cells.add(counts.getOrDefault(year + String.format(Locale.ROOT, "-%02d", m), ""));
            }
            grid.row(cells);
        });
        return grid.render(TextTable.TERMINAL_WIDTH);
    }

    private static String summary(Stats.Report report) {
        return report.records() + (report.records() == 1 ? " record, " : " records, ") + report.above() + " above the line (status above or likely_above); today is "
                + report.today() + ".";
    }

    private static String keyHeader(Stats.Section section) {
        return switch (section.name()) {
            case "above_by_year" -> "year";
            case "above_by_quarter" -> "quarter";
            case "above_by_organization" -> "organization";
            case "above_by_country" -> "country";
            case "above_per_month" -> "month";
            default -> "field";
        };
    }

    private static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(Double value) {
        return value == null ? "" : Numbers.plain(Math.round(value * 10000) / 10000.0);
    }

    /** Wraps a long line at word boundaries, continuation lines indented by two spaces. */
    static String wrap(String line, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                out.append(current.toString().stripTrailing()).append('\n');
                current.setLength(0);
                current.append("  ");
            }
            if (current.length() > 0 && !current.toString().isBlank()) {
                current.append(' ');
            }
            current.append(word);
        }
        return out.append(current).append('\n').toString();
    }
}
