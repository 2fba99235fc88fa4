package org.frontierregistry.tracker.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as HTML, read back with jsoup: what a reader gets without running any script. */
class SitePageTest {
    private static final int RECORDS = 9;

    @TempDir
    Path folder;

    private Path build(SiteOptions options) throws IOException {
        TempRegistry registry = SiteFixtures.registry(folder.resolve("repo"));
        return SiteBuild.publish(registry, RECORDS, options, folder.resolve("dist"));
    }

    private Document page(SiteOptions options) throws IOException {
        return Jsoup.parse(build(options).toFile(), "UTF-8");
    }

    @Test
    void theWrittenPageIsStreamedByteForByteAsRendered() throws IOException {
        TempRegistry registry = SiteFixtures.registry(folder.resolve("repo"));
        List<ModelRecord> records = SiteBuild.records(registry, RECORDS).records();
        SitePage page = new SitePage(SiteOptions.defaults());
        Path file = folder.resolve("index.html");

        page.write(records, file);

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(page.render(records), written);
        assertTrue(written.startsWith("<!doctype html>") && written.endsWith("</html>\n") && !written.contains("\r"), written);
    }

    @Test
    void theModelRowsWrittenAsTextAreLaidOutAsJsoupLaysOutTheRestOfThePage() throws IOException {
        String written = Files.readString(build(SiteOptions.defaults()), StandardCharsets.UTF_8);
        Document reparsed = Jsoup.parse(written, "", Parser.htmlParser().settings(ParseSettings.preserveCase));
        reparsed.outputSettings().charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base)
                .prettyPrint(true).indentAmount(1).outline(false);

        for (String id : List.of("published-table", "below-table")) {
            Element table = reparsed.getElementById(id);
            assertTrue(table.select("tbody.model").size() > 1, id);
            assertEquals(table.outerHtml(), tableAsWritten(written, id), id);
        }
    }

    /** The lines of the written page from the table's opening tag to its closing tag, without their common indent. */
    private static String tableAsWritten(String page, String id) {
        List<String> lines = page.lines().toList();
        int start = 0;
        while (!lines.get(start).strip().startsWith("<table id=\"" + id + "\"")) {
            start++;
        }
        int indent = lines.get(start).indexOf('<');
        StringBuilder table = new StringBuilder();
        for (int i = start; ; i++) {
            table.append(i == start ? "" : "\n").append(lines.get(i).substring(indent));
            if (lines.get(i).substring(indent).equals("</table>")) {
                return table.toString();
            }
        }
    }

    @Test
    void thePageIsSelfContainedWithOneInlineStyleAndOneInlineScript() throws IOException {
        Document doc = page(SiteOptions.defaults());

        assertEquals(1, doc.select("style").size());
        assertEquals(1, doc.select("script").size());
        assertTrue(doc.select("script[src], link[rel=stylesheet], img, iframe, object, embed").isEmpty(),
                "no outside resources: the page works from a file and from Pages");
        for (Element link : doc.select("link[href]")) {
            assertTrue(link.attr("href").startsWith("data:"), link.outerHtml());
        }
    }

    @Test
    void everyPublishedModelHasOneTableRowAndOneChartPointInTheStaticHtml() throws IOException {
        Path html = build(SiteOptions.defaults());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        List<String> csvIds = SiteBuild.readCsv(html.resolveSibling("above_1e25_flop.csv")).stream()
                .map(r -> r.get("id")).toList();

        assertEquals(List.of("atlas-1", "borealis-ultra", "cirrus-2", "delta-mix", "echo", "fjord-3"), csvIds);
        assertEquals(csvIds, doc.select("#published-table tbody.model").eachAttr("data-id"));
        assertEquals(csvIds, doc.select("svg.chart g.point").eachAttr("data-id"));
        assertEquals(6, doc.select("#published-table details summary").size(), "each row expands to its working");
        assertTrue(doc.getElementById("controls").hasAttr("hidden"), "filters appear only when the script runs");
        assertEquals("viewBox", doc.selectFirst("svg.chart").attributes().asList().stream()
                .map(a -> a.getKey()).filter(k -> k.equalsIgnoreCase("viewbox")).findFirst().orElseThrow());
    }

    @Test
    void theChartDrawsIntervalsWhereKnownAndTellsStatusesApartByShape() throws IOException {
        Document doc = page(SiteOptions.defaults());

        Element fjord = doc.selectFirst("svg.chart g.point[data-id=fjord-3]");
        assertTrue(fjord.select("line.interval").isEmpty(), "fjord-3 has no interval_90");
        assertEquals(3, doc.selectFirst("svg.chart g.point[data-id=atlas-1]").select("line.interval").size(),
                "a bar and two caps");
        assertEquals(4, doc.select("svg.chart g.point[data-status=above] circle.mark-above").size());
        assertEquals(2, doc.select("svg.chart g.point[data-status=likely_above] path.mark-likely").size());
        assertEquals("Atlas 1: 2.1e+25 FLOP, above, published 2023-03-14",
                doc.selectFirst("svg.chart g.point[data-id=atlas-1] > title").text());
        assertEquals(1, doc.select("svg.chart g.threshold line").size(), "the 1e25 line");
    }

    @Test
    void recordTextIsEscapedNeverRunAsMarkup() throws IOException {
        Path html = build(SiteOptions.defaults());
        String raw = Files.readString(html, StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(raw);

        assertFalse(raw.contains("<script>alert"), "the hostile name must not appear as a tag");
        assertFalse(raw.contains("<img src=x"), "the hostile reasoning must not appear as a tag");
        assertEquals(1, doc.select("script").size());
        assertTrue(doc.select("img").isEmpty());
        Element row = doc.getElementById("model-echo");
        assertEquals(SiteFixtures.HOSTILE_NAME, row.selectFirst("th.name").text());
        assertEquals("Echo & Sons <Lab>", row.selectFirst("td.org").text());
        assertTrue(row.selectFirst(".reasoning").text().startsWith("<img src=x onerror=alert('reasoning')>"));
        assertTrue(doc.selectFirst("svg.chart g.point[data-id=echo] > title").text().startsWith(SiteFixtures.HOSTILE_NAME));
    }

    @Test
    void aSourceThatIsNotAWebAddressIsShownAsTextNotLinked() throws IOException {
        // The schema already demands http(s) URLs; the page does not rely on it.
        Path file = folder.resolve("models/odd.yaml");
        byte[] yaml = """
                id: odd
                name: Odd
                organizations: [Lab]
                publication_date: 2025-01-01
                domains: [Language]
                training_compute: {estimates: [], flop: 2e25}
                status: above
                sources: [{id: x, url: "javascript:alert(1)", title: Sneaky}]
                review: {verified: false}
                provenance: {created_by: contractor}
                """.getBytes(StandardCharsets.UTF_8);
        ModelRecord odd = RecordMapper.toRecord(new RecordReader().parse(file, yaml).document().root());

        Document doc = Jsoup.parse(new SitePage(SiteOptions.defaults()).render(List.of(odd)));

        assertTrue(doc.select("a[href^=javascript]").isEmpty());
        assertTrue(doc.selectFirst("ul.sources li").text().contains("Sneaky (javascript:alert(1))"));
    }

    @Test
    void theHeadlineCountsModelsAndDevelopersAsOfTheNewestDateInTheRecords() throws IOException {
        Document doc = page(SiteOptions.defaults());

        assertEquals("6", doc.getElementById("count-models").text());
        assertEquals("4", doc.getElementById("count-developers").text(),
                "Northwind Labs, Polar AI, Harbor Research, Echo & Sons <Lab>");
        assertEquals("2025-07-02", doc.getElementById("as-of").attr("datetime"),
                "the newest date written anywhere in the records: iris's source access date");
        assertEquals("2 July 2025", doc.getElementById("as-of").text());
        assertTrue(doc.selectFirst(".headline").text().contains("(4 above, 2 likely above)"));
    }

    @Test
    void theDateOptionOverridesTheAsOfDate() throws IOException {
        Document doc = page(new SiteOptions(LocalDate.of(2026, 2, 28), null, null));

        assertEquals("2026-02-28", doc.getElementById("as-of").attr("datetime"));
        assertEquals("28 February 2026", doc.getElementById("as-of").text());
    }

    @Test
    void eachRowLinksToItsYamlInTheConfiguredRepository() throws IOException {
        Document doc = page(new SiteOptions(null, "https://github.com/example-org/frontier-registry/", "trunk"));

        assertEquals("https://github.com/example-org/frontier-registry/blob/trunk/models/cirrus-2.yaml",
                doc.selectFirst("#model-cirrus-2 .yaml-link a").attr("href"));
        assertTrue(doc.select("#methodology a").eachAttr("href")
                .contains("https://github.com/example-org/frontier-registry/blob/trunk/docs/methodology.md"));
    }

    @Test
    void theDefaultRepositoryIsAnObviousPlaceholder() throws IOException {
        Document doc = page(SiteOptions.defaults());

        assertEquals(SiteOptions.DEFAULT_REPO_URL + "/blob/main/models/atlas-1.yaml",
                doc.selectFirst("#model-atlas-1 .yaml-link a").attr("href"));
    }

    @Test
    void modelsCheckedAndFoundBelowHaveTheirOwnSectionWithReasoning() throws IOException {
        Document doc = page(SiteOptions.defaults());

        assertEquals(List.of("glacier-small", "harbor-mini"), doc.select("#below-table tbody.model").eachAttr("data-id"));
        assertTrue(doc.selectFirst("#model-glacier-small .reasoning").text().contains("far below the line"));
        assertTrue(doc.getElementById("below").text().contains("1 further model is uncertain"));
        assertTrue(doc.select("#published-table tbody.model[data-id=iris]").isEmpty());
    }

    @Test
    void theDownloadsLinkToTheFilesWrittenBesideThePage() throws IOException {
        Path html = build(SiteOptions.defaults());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");

        Set<String> hrefs = doc.select("#downloads a").eachAttr("href").stream().collect(Collectors.toSet());
        assertEquals(Set.of("above_1e25_flop.csv", "models.csv", "models.json", "datapackage.json"), hrefs);
        for (String href : hrefs) {
            assertTrue(Files.isRegularFile(html.resolveSibling(href)), href);
        }
    }

    @Test
    void tableCellsShowTheSameValuesAsThePublishedCsv() throws IOException {
        Path html = build(SiteOptions.defaults());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");

        for (CSVRecord row : SiteBuild.readCsv(html.resolveSibling("above_1e25_flop.csv"))) {
            Element body = doc.getElementById("model-" + row.get("id"));
            assertEquals(row.get("Training compute (FLOP)"), body.selectFirst("td.flop").text());
            assertEquals(row.get("Publication date"), body.selectFirst("td.date").text());
            assertEquals(row.get("status"), body.attr("data-status"));
            assertEquals(row.get("Confidence"), body.selectFirst("td.confidence").text());
        }
    }
}
