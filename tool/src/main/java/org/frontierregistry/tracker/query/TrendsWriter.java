package org.frontierregistry.tracker.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.frontierregistry.tracker.publish.CsvTableWriter;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.trend.Growth;
import org.frontierregistry.tracker.trend.Projection;
import org.frontierregistry.tracker.trend.QuarterCount;
import org.frontierregistry.tracker.trend.Rounded;
import org.frontierregistry.tracker.trend.TrendReport;
import org.frontierregistry.tracker.trend.TrendSentences;

/** Prints a {@link TrendReport} ({@code tracker stats --trends}) in one of the {@link OutputFormat}s. */
public final class TrendsWriter {
    private TrendsWriter() {
    }

    public static void write(OutputFormat format, TrendReport report, PrintWriter out) {
        out.print(switch (format) {
            case table -> text(report);
            case csv -> csv(report);
            case json -> json(report);
            case markdown -> markdown(report);
        });
        out.flush();
    }

    static String text(TrendReport report) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs(report)) {
            text.append(StatsWriter.wrap(paragraph, TextTable.TERMINAL_WIDTH)).append('\n');
        }
        TextTable sensitivity = new TextTable(List.of("running top", "models", "growth a year", "90% interval"),
                List.of(true, true, true, false));
        sensitivityRows(report).forEach(sensitivity::row);
        text.append(sensitivity.render(TextTable.TERMINAL_WIDTH)).append('\n');
        text.append(StatsWriter.wrap(QUARTERS_INTRO, TextTable.TERMINAL_WIDTH)).append('\n');
        TextTable table = new TextTable(quarterHeaders(), List.of(false, true, true, true, true));
        quarterRows(report).forEach(table::row);
        text.append(table.render(TextTable.TERMINAL_WIDTH));
        if (report.quarters().isEmpty()) {
            text.append("(no model counted)\n");
        }
        text.append('\n').append(StatsWriter.wrap("Projection (where the fitted trends lead if they hold; not a forecast), "
                + "from the end of the last complete quarter:", TextTable.TERMINAL_WIDTH));
        TextTable projections = new TextTable(projectionHeaders(), List.of(false, false, true, true));
        projectionRows(report).forEach(projections::row);
        text.append(projections.render(TextTable.TERMINAL_WIDTH));
        return text.toString();
    }

    static String markdown(TrendReport report) {
        StringBuilder md = new StringBuilder();
        for (String paragraph : paragraphs(report)) {
            md.append(paragraph).append("\n\n");
        }
        md.append(RecordWriter.markdownRow(List.of("running top", "models", "growth a year", "90% interval")))
                .append(RecordWriter.markdownRow(List.of("---:", "---:", "---:", "---")));
        sensitivityRows(report).forEach(row -> md.append(RecordWriter.markdownRow(row)));
        md.append('\n').append(QUARTERS_INTRO).append("\n\n");
        md.append(RecordWriter.markdownRow(quarterHeaders())).append(RecordWriter.markdownRow(List.of("---", "---:", "---:", "---:", "---:")));
        quarterRows(report).forEach(row -> md.append(RecordWriter.markdownRow(row)));
        md.append("\n### Projection (if the fitted trends hold; not a forecast)\n\n");
        md.append(RecordWriter.markdownRow(projectionHeaders())).append(RecordWriter.markdownRow(List.of("---", "---", "---:", "---:")));
        projectionRows(report).forEach(row -> md.append(RecordWriter.markdownRow(row)));
        return md.toString();
    }

    private static List<String> paragraphs(TrendReport report) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Trends as of " + report.asOf() + ": " + report.counted() + " models counted, each by its probability of "
                + "being above 1e25 FLOP (p_above)" + (report.notCounted().isEmpty() ? "" : "; left out for want of an estimate: "
                + String.join(", ", report.notCounted())) + ". Intervals are 90%: counts from " + report.settings().simulations()
                + " simulations, growth rates and projections from " + report.settings().resamples()
                + " bootstrap resamples (seeded; see docs/methodology.md, Trends).");
        paragraphs.add(TrendSentences.frontier(report));
        paragraphs.add(TrendSentences.count(report));
        paragraphs.add("How much the frontier rate depends on what counts as the frontier (the running top N at release):");
        return paragraphs;
    }

    private static final String QUARTERS_INTRO = "Models above the line by quarter of publication (expected count and 90% "
            + "interval; * marks quarters left out of the count fit: the one still running, and those from the quarter of "
            + "the newest record on, which the registry has not finished searching):";

    private static List<List<String>> sensitivityRows(TrendReport report) {
        List<List<String>> rows = new ArrayList<>();
        report.frontierByTop().forEach((top, g) -> rows.add(g == null
                ? List.of(Integer.toString(top), "", "not fitted", "")
                : List.of(Integer.toString(top), Integer.toString(g.points()), Rounded.factorText(g.perYear()),
                        Rounded.factorText(g.low()) + " to " + Rounded.factorText(g.high()))));
        return rows;
    }

    private static List<String> quarterHeaders() {
        return List.of("quarter", "expected", "90% interval", "cumulative", "90% interval");
    }

    private static List<List<String>> quarterRows(TrendReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (QuarterCount q : report.quarters()) {
            rows.add(List.of(q.quarter() + (q.fitted() ? "" : " *"), Rounded.countText(q.expected()), q.low() + " to " + q.high(),
                    Rounded.countText(q.cumulativeExpected()), q.cumulativeLow() + " to " + q.cumulativeHigh()));
        }
        return rows;
    }

    private static List<String> projectionHeaders() {
        return List.of("ahead", "by", "models above (90%)", "frontier compute trend, FLOP (90%)");
    }

    private static List<List<String>> projectionRows(TrendReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (Projection p : report.projections()) {
            rows.add(List.of(p.yearsAhead() + (p.yearsAhead() == 1 ? " year" : " years"), p.date().toString(),
                    p.countExpected() == null ? "not fitted"
                            : Rounded.countText(p.countExpected()) + " (" + p.countLow() + " to " + p.countHigh() + ")",
                    p.frontierFlop() == null ? "not fitted"
                            : Flops.shortForm(p.frontierFlop()) + " (" + Flops.shortForm(p.frontierLow()) + " to "
                                    + Flops.shortForm(p.frontierHigh()) + ")"));
        }
        return rows;
    }

    /** Long form: one row per figure, with the ends of its interval where it has one. */
    static String csv(TrendReport report) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CsvTableWriter.FORMAT)) {
            csv.printRecord("section", "key", "value", "low", "high");
            csv.printRecord("as_of", "", report.asOf(), "", "");
            csv.printRecord("records_counted", "", report.counted(), "", "");
            for (QuarterCount q : report.quarters()) {
                String key = q.quarter() + (q.complete() ? "" : " (running)");
                csv.printRecord("above_in_quarter", key, plain(Rounded.count(q.expected())), q.low(), q.high());
                csv.printRecord("above_cumulative", key, plain(Rounded.count(q.cumulativeExpected())), q.cumulativeLow(), q.cumulativeHigh());
            }
            growthRow(csv, "frontier_compute_growth_per_year", report.frontierGrowth());
            for (var entry : report.frontierByTop().entrySet()) {
                growthRow(csv, "frontier_growth_top_" + entry.getKey(), entry.getValue());
            }
            growthRow(csv, "count_growth_per_year", report.countGrowth());
            for (Projection p : report.projections()) {
                String key = p.yearsAhead() + "y " + p.date();
                if (p.countExpected() != null) {
                    csv.printRecord("projection_cumulative_above", key, plain(Rounded.count(p.countExpected())), p.countLow(), p.countHigh());
                }
                if (p.frontierFlop() != null) {
                    csv.printRecord("projection_frontier_flop", key, Numbers.scientific(Rounded.flop(p.frontierFlop())),
                            Numbers.scientific(Rounded.flop(p.frontierLow())), Numbers.scientific(Rounded.flop(p.frontierHigh())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void growthRow(CSVPrinter csv, String section, Growth g) throws IOException {
        if (g != null) {
            csv.printRecord(section, g.from() + " to " + g.to(), plain(Rounded.factor(g.perYear())),
                    plain(Rounded.factor(g.low())), plain(Rounded.factor(g.high())));
        }
    }

    static String json(TrendReport report) {
        ObjectNode root = RecordWriter.Json.MAPPER.createObjectNode();
        root.put("as_of", report.asOf().toString());
        root.put("threshold_flop", 1e25);
        ObjectNode method = root.putObject("method");
        method.put("interval", 0.9);
        method.put("frontier", "running top " + report.settings().frontierTop() + " by central compute at publication");
        method.put("frontier_top", report.settings().frontierTop());
        method.put("simulations", report.settings().simulations());
        method.put("bootstrap_resamples", report.settings().resamples());
        method.put("seed", report.settings().seed());
        root.put("records_counted", report.counted());
        report.notCounted().forEach(root.putArray("not_counted")::add);
        var quarters = root.putArray("quarters");
        for (QuarterCount q : report.quarters()) {
            ObjectNode node = quarters.addObject();
            node.put("quarter", q.quarter().toString());
            node.put("complete", q.complete());
            node.put("in_fit", q.fitted());
            node.put("expected", Rounded.count(q.expected()));
            node.put("low", q.low());
            node.put("high", q.high());
            node.put("cumulative_expected", Rounded.count(q.cumulativeExpected()));
            node.put("cumulative_low", q.cumulativeLow());
            node.put("cumulative_high", q.cumulativeHigh());
        }
        growth(root, "frontier_compute_growth", report.frontierGrowth(), "models");
        report.frontier().forEach(root.putArray("frontier_models")::add);
        var byTop = root.putArray("frontier_growth_by_top");
        report.frontierByTop().forEach((top, g) -> {
            ObjectNode node = byTop.addObject();
            node.put("top", top);
            if (g == null) {
                node.putNull("per_year");
            } else {
                node.put("per_year", Rounded.factor(g.perYear()));
                node.put("low", Rounded.factor(g.low()));
                node.put("high", Rounded.factor(g.high()));
                node.put("models", g.points());
            }
        });
        growth(root, "count_growth", report.countGrowth(), "quarters");
        var projections = root.putArray("projections");
        for (Projection p : report.projections()) {
            ObjectNode node = projections.addObject();
            node.put("label", "projection: where the fitted trends lead if they hold, not a forecast");
            node.put("years_ahead", p.yearsAhead());
            node.put("date", p.date().toString());
            if (p.countExpected() != null) {
                node.put("cumulative_expected", Rounded.count(p.countExpected()));
                node.put("cumulative_low", p.countLow());
                node.put("cumulative_high", p.countHigh());
            }
            if (p.frontierFlop() != null) {
                node.put("frontier_flop", Rounded.flop(p.frontierFlop()));
                node.put("frontier_flop_low", Rounded.flop(p.frontierLow()));
                node.put("frontier_flop_high", Rounded.flop(p.frontierHigh()));
            }
        }
        return RecordWriter.pretty(root);
    }

    private static void growth(ObjectNode root, String name, Growth g, String pointsName) {
        if (g == null) {
            root.putNull(name);
            return;
        }
        ObjectNode node = root.putObject(name);
        node.put("per_year", Rounded.factor(g.perYear()));
        node.put("low", Rounded.factor(g.low()));
        node.put("high", Rounded.factor(g.high()));
        node.put(pointsName, g.points());
        node.put("from", g.from());
        node.put("to", g.to());
    }

    private static String plain(double value) {
        return Numbers.plain(value);
    }
}
