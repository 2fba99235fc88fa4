package org.frontierregistry.tracker.publish.site;

import org.frontierregistry.tracker.trend.TrendReport;
import org.frontierregistry.tracker.trend.TrendSentences;
import org.jsoup.nodes.Element;

/**
 * The page's "How many, and how fast" section: the cumulative count chart, the fitted growth rates with their
 * intervals, and the projection, labelled as one, with a pointer to where the method and its limits are written.
 */
final class TrendSection {
    static final String ID = "trends";

    private final TrendReport report;
    private final SiteOptions options;

    TrendSection(TrendReport report, SiteOptions options) {
        this.report = report;
        this.options = options;
    }

    void appendTo(Element main) {
        Element section = main.appendElement("section").attr("id", ID).attr("aria-labelledby", "trends-heading");
        section.appendElement("h2").attr("id", "trends-heading").text("How many models cross the line, and how fast");
        Element figure = section.appendElement("figure");
        new TrendChart(report).appendTo(figure);
        figure.appendElement("figcaption").text("Models above " + ComputeChart.powerOfTen(25) + " FLOP published up to "
                + "the end of each quarter. Each model counts by its probability of being above (so a model at p = 0.6 "
                + "counts 0.6); the band is the 90% interval of the count. Open marks are quarters left out of the fit: "
                + "the registry is still searching them, and models are often found months after release, so they are "
                + "likely under-counted.");
        section.appendElement("p").attr("id", "trend-growth")
                .text(TrendSentences.growth(report));
        String projection = TrendSentences.projection(report);
        if (!projection.isEmpty()) {
            section.appendElement("p").attr("id", "trend-projection").addClass("projection").text(projection);
        }
        Element more = section.appendElement("p");
        more.appendText("How these figures are made, and where they are fragile: ");
        more.appendElement("a").attr("href", options.fileUrl("docs/methodology.md") + "#trends").text("methodology, Trends");
        more.appendText(". The same figures, quarter by quarter: tracker stats --trends.");
    }
}
