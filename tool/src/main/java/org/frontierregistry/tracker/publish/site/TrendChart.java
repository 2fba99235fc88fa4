package org.frontierregistry.tracker.publish.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.trend.QuarterCount;
import org.frontierregistry.tracker.trend.Rounded;
import org.frontierregistry.tracker.trend.TrendReport;
import org.jsoup.nodes.Element;

/**
 * The cumulative count of models above the line, quarter by quarter, as inline SVG built by the tool: the expected
 * count (each model counted by its probability of being above) as a line with one {@code g.quarter} mark per quarter,
 * and its 90% interval as a band. Quarters left out of the count fit are drawn open. Numbers on the marks'
 * data attributes are those of {@code tracker stats --trends --format json}.
 */
final class TrendChart {
    private static final DateTimeFormatter HUMAN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final int WIDTH = 960;
    private static final int HEIGHT = 360;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 48;
    private static final int BOTTOM = 48;
    private static final ChartFrame FRAME = new ChartFrame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);

    private final TrendReport report;
    private final List<QuarterCount> quarters;
    private final LocalDate start;
    private final LocalDate end;
    private final double top;
    private final double step;

    TrendChart(TrendReport report) {
        this.report = report;
        this.quarters = report.quarters();
        int firstYear = quarters.isEmpty() ? report.asOf().getYear() : quarters.get(0).quarter().year();
        this.start = LocalDate.of(firstYear, 1, 1);
        this.end = LocalDate.of(report.asOf().getYear() + 1, 1, 1);
        int highest = quarters.stream().mapToInt(QuarterCount::cumulativeHigh).max().orElse(0);
        this.step = niceStep(Math.max(highest, 1) / 5.0);
        this.top = Math.max(step, Math.ceil(highest / step) * step);
    }

    Element appendTo(Element parent) {
        Element svg = FRAME.svg(parent, "trend-chart", "trend-chart", "Models above the line, cumulative, by quarter",
                "The expected number of models above 1e25 FLOP published up to the end of each quarter, each model "
                + "counted by its probability of being above, with the 90% interval as a band. " + quarters.size()
                + (quarters.size() == 1 ? " quarter" : " quarters") + " shown.");
        axes(svg.appendElement("g").addClass("axes"));
        legend(svg.appendElement("g").addClass("legend"));
        if (quarters.isEmpty()) {
            svg.appendElement("text").addClass("empty").attr("x", ComputeChart.fmt(WIDTH / 2.0))
                    .attr("y", ComputeChart.fmt(HEIGHT / 2.0)).attr("text-anchor", "middle").text("No models counted yet.");
            return svg;
        }
        StringBuilder band = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < quarters.size(); i++) {
            QuarterCount q = quarters.get(i);
            band.append(i == 0 ? "M" : " L").append(ComputeChart.fmt(x(q))).append(' ').append(ComputeChart.fmt(y(q.cumulativeHigh())));
            line.append(i == 0 ? "M" : " L").append(ComputeChart.fmt(x(q))).append(' ')
                    .append(ComputeChart.fmt(y(Rounded.count(q.cumulativeExpected()))));
        }
        for (int i = quarters.size() - 1; i >= 0; i--) {
            QuarterCount q = quarters.get(i);
            band.append(" L").append(ComputeChart.fmt(x(q))).append(' ').append(ComputeChart.fmt(y(q.cumulativeLow())));
        }
        svg.appendElement("path").addClass("band").attr("d", band.append(" Z").toString());
        svg.appendElement("path").addClass("expected").attr("d", line.toString());
        Element points = svg.appendElement("g").addClass("quarters");
        for (QuarterCount q : quarters) {
            point(points, q);
        }
        return svg;
    }

    private void point(Element parent, QuarterCount q) {
        double expected = Rounded.count(q.cumulativeExpected());
        Element g = parent.appendElement("g").addClass("quarter").addClass(q.fitted() ? "fitted" : "not-fitted")
                .attr("data-quarter", q.quarter().toString())
                .attr("data-expected", plain(expected))
                .attr("data-low", Integer.toString(q.cumulativeLow()))
                .attr("data-high", Integer.toString(q.cumulativeHigh()));
        g.appendElement("title").text(q.quarter() + ": " + Rounded.countText(expected) + " models expected above the line by "
                + HUMAN_DATE.format(shownDay(q)) + " (90% interval " + q.cumulativeLow() + " to " + q.cumulativeHigh() + ")"
                + (q.fitted() ? "" : "; not in the fit: " + (q.complete() ? "not yet fully searched" : "quarter still running")));
        g.appendElement("circle").attr("cx", ComputeChart.fmt(x(q))).attr("cy", ComputeChart.fmt(y(expected))).attr("r", "4.5");
    }

    private void axes(Element g) {
        for (double value = 0; value <= top + step / 2; value += step) {
            FRAME.rowLine(g, y(value), plain(value));
        }
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            FRAME.columnLine(g, x(LocalDate.of(year, 1, 1)), Integer.toString(year));
        }
        FRAME.axes(g, null, "Models above the line (cumulative)");
    }

    private void legend(Element g) {
        double y = 22;
        g.appendElement("line").addClass("expected").attr("x1", ComputeChart.fmt(LEFT + 4)).attr("x2", ComputeChart.fmt(LEFT + 28))
                .attr("y1", ComputeChart.fmt(y)).attr("y2", ComputeChart.fmt(y));
        g.appendElement("text").attr("x", ComputeChart.fmt(LEFT + 34)).attr("y", ComputeChart.fmt(y + 4)).text("Expected count");
        g.appendElement("rect").addClass("band").attr("x", ComputeChart.fmt(LEFT + 180)).attr("y", ComputeChart.fmt(y - 8))
                .attr("width", "24").attr("height", "16");
        g.appendElement("text").attr("x", ComputeChart.fmt(LEFT + 210)).attr("y", ComputeChart.fmt(y + 4)).text("90% interval");
        g.appendElement("circle").addClass("open").attr("cx", ComputeChart.fmt(LEFT + 340)).attr("cy", ComputeChart.fmt(y)).attr("r", "4.5");
        g.appendElement("text").attr("x", ComputeChart.fmt(LEFT + 350)).attr("y", ComputeChart.fmt(y + 4))
                .text("Not in the fit (still being searched)");
    }

    /** A quarter's mark sits at its end, or at the as-of day for the quarter still running. */
    private LocalDate shownDay(QuarterCount q) {
        LocalDate last = q.quarter().lastDay();
        return last.isAfter(report.asOf()) ? report.asOf() : last;
    }

    private double x(QuarterCount q) {
        return x(shownDay(q).plusDays(1));
    }

    private double x(LocalDate date) {
        double span = end.toEpochDay() - start.toEpochDay();
        return LEFT + (date.toEpochDay() - start.toEpochDay()) / span * (WIDTH - LEFT - RIGHT);
    }

    private double y(double count) {
        return HEIGHT - BOTTOM - count / top * (HEIGHT - TOP - BOTTOM);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        double power = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return Math.max(1, m * power);
            }
        }
        return Math.max(1, 10 * power);
    }

    private static String plain(double value) {
        return Numbers.plain(value);
    }
}
