package org.frontierregistry.tracker.publish.site;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;
import org.jsoup.nodes.Element;

/**
 * The chart of training compute (log scale) against publication date, as inline SVG built by the tool:
 * readable without JavaScript, one {@code g.point} per plotted model with a {@code <title>} tooltip,
 * 90% intervals as error bars, the 1e25 FLOP line, and status shown by shape as well as colour.
 */
final class ComputeChart {
    static final double THRESHOLD_LOG10 = 25.0;
    private static final int WIDTH = 960;
    private static final int HEIGHT = 460;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 56;
    private static final int BOTTOM = 48;
    private static final ChartFrame FRAME = new ChartFrame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM);

    private final List<ModelRecord> plotted;
    private final LocalDate start;
    private final LocalDate end;
    private final int minDecade;
    private final int maxDecade;

    /** @param published the published models; those without a headline compute are left out of the chart */
    ComputeChart(List<ModelRecord> published) {
        this.plotted = published.stream().filter(ComputeChart::plottable).toList();
        int firstYear = plotted.stream().mapToInt(r -> r.publicationDate().getYear()).min().orElse(2020);
        int lastYear = plotted.stream().mapToInt(r -> r.publicationDate().getYear()).max().orElse(firstYear);
        this.start = LocalDate.of(firstYear, 1, 1);
        this.end = LocalDate.of(lastYear + 1, 1, 1);
        double low = THRESHOLD_LOG10;
        double high = THRESHOLD_LOG10;
        for (ModelRecord r : plotted) {
            low = Math.min(low, Math.log10(lowEnd(r)));
            high = Math.max(high, Math.log10(highEnd(r)));
        }
        this.minDecade = Math.min((int) Math.ceil(low) - 1, (int) THRESHOLD_LOG10 - 1);
        this.maxDecade = Math.max((int) Math.floor(high) + 1, (int) THRESHOLD_LOG10 + 1);
    }

    static boolean plottable(ModelRecord r) {
        return r.publicationDate() != null && r.headlineFlop() != null && r.headlineFlop() > 0;
    }

    List<ModelRecord> plotted() {
        return plotted;
    }

    /** Appends the chart to {@code parent} (see {@link ChartFrame#svg}). */
    Element appendTo(Element parent) {
        Element svg = FRAME.svg(parent, "chart", "chart", "Training compute of the published models over time",
                plotted.size() + (plotted.size() == 1 ? " model" : " models") + " plotted by publication date "
                + "and training compute in FLOP on a logarithmic scale, with the 1e25 FLOP line. "
                + "The table of published models below holds the same data.");
        axes(svg.appendElement("g").addClass("axes"));
        threshold(svg);
        legend(svg.appendElement("g").addClass("legend"));
        Element points = svg.appendElement("g").addClass("points");
        for (ModelRecord r : plotted) {
            point(points, r);
        }
        if (plotted.isEmpty()) {
            svg.appendElement("text").addClass("empty").attr("x", fmt(WIDTH / 2.0)).attr("y", fmt(HEIGHT / 2.0))
                    .attr("text-anchor", "middle").text("No published models yet.");
        }
        return svg;
    }

    private void axes(Element g) {
        for (int decade = minDecade; decade <= maxDecade; decade++) {
            FRAME.rowLine(g, y(decade), powerOfTen(decade));
        }
        int years = end.getYear() - start.getYear();
        int step = years > 12 ? 2 : 1;
        for (int year = start.getYear(); year <= end.getYear(); year += step) {
            FRAME.columnLine(g, x(LocalDate.of(year, 1, 1)), Integer.toString(year));
        }
        FRAME.axes(g, "Publication date", "Training compute (FLOP, log scale)");
    }

    private void threshold(Element svg) {
        double y = y(THRESHOLD_LOG10);
        Element g = svg.appendElement("g").addClass("threshold");
        g.appendElement("line").attr("x1", fmt(LEFT)).attr("x2", fmt(WIDTH - RIGHT))
                .attr("y1", fmt(y)).attr("y2", fmt(y));
        // At the left end, where the newest (and largest) models never are.
        g.appendElement("text").attr("x", fmt(LEFT + 6)).attr("y", fmt(y - 6)).attr("text-anchor", "start")
                .text(powerOfTen(25) + " FLOP threshold");
    }

    private void legend(Element g) {
        double y = 24;
        g.appendElement("circle").addClass("mark-above").attr("cx", fmt(LEFT + 10)).attr("cy", fmt(y)).attr("r", "6");
        g.appendElement("text").attr("x", fmt(LEFT + 22)).attr("y", fmt(y + 4)).text("Above (p ≥ 0.95)");
        g.appendElement("path").addClass("mark-likely").attr("d", diamond(LEFT + 190, y));
        g.appendElement("text").attr("x", fmt(LEFT + 202)).attr("y", fmt(y + 4)).text("Likely above (0.5 ≤ p < 0.95)");
        g.appendElement("line").addClass("interval").attr("x1", fmt(LEFT + 440)).attr("x2", fmt(LEFT + 440))
                .attr("y1", fmt(y - 9)).attr("y2", fmt(y + 9));
        g.appendElement("text").attr("x", fmt(LEFT + 450)).attr("y", fmt(y + 4)).text("90% interval");
    }

    private void point(Element parent, ModelRecord r) {
        double x = x(r.publicationDate());
        double y = y(Math.log10(r.headlineFlop()));
        Element g = parent.appendElement("g").addClass("point").addClass(r.status().key().replace('_', '-'))
                .attr("data-id", r.id()).attr("data-status", r.status().key());
        g.appendElement("title").text(r.name() + ": " + Numbers.scientific(r.headlineFlop()) + " FLOP, "
                + SitePage.statusLabel(r.status()).toLowerCase(Locale.ROOT) + ", published " + r.publicationDate());
        List<Double> interval = r.trainingCompute().interval90();
        if (interval.size() == 2 && interval.get(0) > 0 && interval.get(1) > 0) {
            double yLow = y(Math.log10(interval.get(0)));
            double yHigh = y(Math.log10(interval.get(1)));
            g.appendElement("line").addClass("interval").attr("x1", fmt(x)).attr("x2", fmt(x))
                    .attr("y1", fmt(yHigh)).attr("y2", fmt(yLow));
            for (double cap : new double[] {yLow, yHigh}) {
                g.appendElement("line").addClass("interval").attr("x1", fmt(x - 4)).attr("x2", fmt(x + 4))
                        .attr("y1", fmt(cap)).attr("y2", fmt(cap));
            }
        }
        if (r.status() == Status.ABOVE) {
            g.appendElement("circle").addClass("mark-above").attr("cx", fmt(x)).attr("cy", fmt(y)).attr("r", "6");
        } else {
            g.appendElement("path").addClass("mark-likely").attr("d", diamond(x, y));
        }
    }

    private static String diamond(double x, double y) {
        double s = 7;
        return "M" + fmt(x) + " " + fmt(y - s) + " L" + fmt(x + s) + " " + fmt(y) + " L" + fmt(x) + " " + fmt(y + s)
                + " L" + fmt(x - s) + " " + fmt(y) + " Z";
    }

    private double x(LocalDate date) {
        double span = end.toEpochDay() - start.toEpochDay();
        return LEFT + (date.toEpochDay() - start.toEpochDay()) / span * (WIDTH - LEFT - RIGHT);
    }

    private double y(double log10) {
        double fraction = (log10 - minDecade) / (maxDecade - minDecade);
        return HEIGHT - BOTTOM - fraction * (HEIGHT - TOP - BOTTOM);
    }

    private static double lowEnd(ModelRecord r) {
        List<Double> interval = r.trainingCompute().interval90();
        return interval.size() == 2 && interval.get(0) > 0 ? Math.min(interval.get(0), r.headlineFlop()) : r.headlineFlop();
    }

    private static double highEnd(ModelRecord r) {
        List<Double> interval = r.trainingCompute().interval90();
        return interval.size() == 2 && interval.get(1) > 0 ? Math.max(interval.get(1), r.headlineFlop()) : r.headlineFlop();
    }

    /** 10 with a superscript exponent, e.g. 10²⁵. */
    static String powerOfTen(int exponent) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder("10");
        if (exponent < 0) {
            sb.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    static String fmt(double value) {
        String s = Numbers.fixed(value, 1);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
