package org.frontierregistry.tracker.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.trend.TrendReport;
import org.frontierregistry.tracker.trend.TrendSettings;
import org.frontierregistry.tracker.trend.Trends;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trends section read back as HTML (no browser): one mark per quarter, the sentences, the labels. */
class TrendSectionTest {
    @TempDir
    Path folder;

    @Test
    void theSectionHasOneMarkPerQuarterTheGrowthSentenceAndALabelledProjection() throws IOException {
        TempRegistry registry = SiteFixtures.registry(folder.resolve("repo"));
        Path page = SiteBuild.publish(registry, 9, SiteOptions.defaults(), folder.resolve("dist"));
        Document doc = Jsoup.parse(Files.readString(page));
        TrendReport report = Trends.of(SiteBuild.records(registry, 9).records(), LocalDate.of(2025, 7, 2), TrendSettings.DEFAULTS);

        Element section = doc.getElementById("trends");
        assertEquals("Trends", doc.select("nav a[href=#trends]").text());
        assertEquals(report.quarters().stream().map(q -> q.quarter().toString()).toList(),
                section.select("svg.trend-chart g.quarter").eachAttr("data-quarter"));
        assertEquals(List.of(), doc.select("svg.trend-chart g.point"), "the first chart's selectors stay its own");
        assertTrue(section.getElementById("trend-growth").text().startsWith("Frontier training compute (the running top 10"));
        assertTrue(section.getElementById("trend-projection").text().startsWith("Projection, if the count trend holds (not a forecast)"));
        assertEquals("https://github.com/OWNER/REPOSITORY/blob/main/docs/methodology.md#trends",
                section.select("a[href$=#trends]").attr("href"));
    }

    @Test
    void aRegistryWithNoModelsSaysSoInsteadOfDrawingNothing() throws IOException {
        TempRegistry registry = TempRegistry.in(folder.resolve("empty"));
        Path page = SiteBuild.publish(registry, 0, SiteOptions.defaults(), folder.resolve("dist"));
        Document doc = Jsoup.parse(Files.readString(page));

        assertEquals("No models counted yet.", doc.select("svg.trend-chart text.empty").text());
        assertTrue(doc.getElementById("trend-growth").text().contains("Too few models"));
        assertEquals(null, doc.getElementById("trend-projection"));
    }
}
