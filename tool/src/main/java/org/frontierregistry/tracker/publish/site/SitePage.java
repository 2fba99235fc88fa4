package org.frontierregistry.tracker.publish.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.publish.RowBytes;
import org.frontierregistry.tracker.publish.RowReuse;
import org.frontierregistry.tracker.publish.RowWriter;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.TrainingCompute;
import org.frontierregistry.tracker.trend.TrendCache;
import org.frontierregistry.tracker.trend.TrendSettings;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

/**
 * {@code index.html}: the published list for readers, as one self-contained static page (inline CSS, a
 * small inline script, an SVG chart; no outside requests), so it works from a file and from GitHub Pages.
 * Built with jsoup's Document API, so every piece of record text is escaped on output. Without
 * JavaScript everything is shown; the script adds sorting, filters and the search box.
 */
public final class SitePage {
    public static final String FILE_NAME = "index.html";
    private static final String RESOURCES = "/org/frontierregistry/tracker/publish/site/";
    private static final DateTimeFormatter HUMAN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<String> BY_NAME = Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    /** The files the page offers for download (written next to it by the Publisher). */
    static final List<Download> DOWNLOADS = List.of(
            new Download("above_1e25_flop.csv", "The published list (CSV)",
                    "Models above or likely above 1e25 FLOP, with Epoch AI's column names plus ours."),
            new Download("models.csv", "Every record (CSV)", "Every model checked, above or below the line."),
            new Download("models.json", "Every record (JSON)", "The records exactly as written, with all estimates and reasoning."),
            new Download("datapackage.json", "Data package", "A Frictionless Data Package describing the CSV columns."));

    private static final String PUBLISHED_TABLE = "published-table";
    private static final String BELOW_TABLE = "below-table";
    private static final String ROWS_MARKER = "tracker-rows:";
    private static final int ROW_BATCH = 512;

    /** Any day serves when there are no records at all: the trends section then says there is nothing to count. */
    private static final LocalDate TRENDS_WITHOUT_RECORDS = LocalDate.of(2020, 1, 1);

    private final SiteOptions options;
    private final TrendCache trends;

    public SitePage(SiteOptions options) {
        this(options, TrendCache.none());
    }

    public SitePage(SiteOptions options, TrendCache trends) {
        this.options = options;
        this.trends = trends;
    }

    /**
     * Writes the page, streamed: the page without the model tables' rows is built as a jsoup document, and each
     * model's rows are written where the document marks their place, one model at a time, so a large registry's
     * page is never held whole in memory, as a document or as text.
     */
    public void write(List<ModelRecord> records, Path file) throws IOException {
        write(records, file, RowReuse.none());
    }

    /** As {@link #write(List, Path)}, each model's rows copied from the last build when {@code reuse} has them. */
    public void write(List<ModelRecord> records, Path file, RowReuse reuse) throws IOException {
        AtomicFiles.write(file, stream -> {
            OutputStream out = new BufferedOutputStream(stream, 1 << 16);
            write(records, reuse.writer(FILE_NAME, out), reuse);
            out.flush();
        });
    }

    /** The page as text: deterministic for the same records and options (no clock, no default locale). */
    public String render(List<ModelRecord> records) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            RowReuse none = RowReuse.none();
            write(records, none.writer(FILE_NAME, text), none);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private void write(List<ModelRecord> records, RowWriter out, RowReuse reuse) throws IOException {
        Map<String, List<ModelRecord>> rows;
        String skeleton = reuse.skeletonToReuse();
        if (skeleton != null) {
            rows = tables(records);
        } else {
            rows = new LinkedHashMap<>();
            skeleton = document(records, rows).outerHtml().replace("\r\n", "\n").strip();
        }
        reuse.skeleton(skeleton);
        ModelRows modelRows = new ModelRows(options);
        int from = 0;
        for (Map.Entry<String, List<ModelRecord>> table : rows.entrySet()) {
            String marker = "<!--" + ROWS_MARKER + table.getKey() + "-->";
            int at = skeleton.indexOf(marker, from);
            int lineStart = skeleton.lastIndexOf('\n', at) + 1;
            String indent = skeleton.substring(lineStart, at);
            out.text(skeleton.substring(from, lineStart));
            boolean forFiltering = table.getKey().equals(PUBLISHED_TABLE);
            List<ModelRecord> models = table.getValue();
            // Batches of rows are made (or found in the last build) on every core and written in the records' order.
            for (int start = 0; start < models.size(); start += ROW_BATCH) {
                List<ModelRecord> batch = models.subList(start, Math.min(models.size(), start + ROW_BATCH));
                List<RowBytes> made = batch.parallelStream()
                        .map(r -> out.rowOf(r.id(), () -> modelRows.html(r, forFiltering, indent))).toList();
                for (int i = 0; i < batch.size(); i++) {
                    out.write(batch.get(i).id(), made.get(i));
                    out.text("\n");
                }
            }
            from = Math.min(skeleton.length(), at + marker.length() + 1);
        }
        out.text(skeleton.substring(from) + "\n");
        out.finish();
    }

    /** The page without the models' rows: each table holds a marker where {@code rows} says which rows go. */
    private Document document(List<ModelRecord> records, Map<String, List<ModelRecord>> rows) {
        List<ModelRecord> published = published(records);
        List<ModelRecord> below = below(records);
        Optional<LocalDate> asOf = options.asOf() != null ? Optional.of(options.asOf()) : AsOfDate.newestIn(records);

        Document doc = new Document("");
        doc.outputSettings().charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base)
                .prettyPrint(true).indentAmount(1).outline(false);
        doc.parser(Parser.htmlParser().settings(ParseSettings.preserveCase));
        doc.appendChild(new DocumentType("html", "", ""));
        Element html = doc.appendElement("html").attr("lang", "en");
        head(html.appendElement("head"));
        Element body = html.appendElement("body");
        body.appendElement("a").addClass("skip-link").attr("href", "#published-heading").text("Skip to the list of models");
        header(body.appendElement("header"), published, asOf);
        Element main = body.appendElement("main").attr("id", "main");
        chartSection(main, published);
        new TrendSection(trends.report(records, asOf.orElse(TRENDS_WITHOUT_RECORDS), TrendSettings.DEFAULTS), options).appendTo(main);
        publishedSection(main, published, rows);
        belowSection(main, below, records, rows);
        downloadsSection(main);
        methodologySection(main);
        footer(body.appendElement("footer"), records.size(), asOf);
        body.appendElement("script").appendChild(new DataNode(resource("site.js")));
        return doc;
    }

    private void head(Element head) {
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text("AI models trained with more than 1e25 FLOP");
        head.appendElement("meta").attr("name", "description").attr("content",
                "An open registry of AI models trained with more than 1e25 FLOP, with the estimates and reasoning behind each.");
        // An empty icon: browsers would otherwise request /favicon.ico, a 404 (and a console error) on Pages.
        head.appendElement("link").attr("rel", "icon").attr("href", "data:,");
        head.appendElement("style").appendChild(new DataNode(resource("site.css")));
    }

    private void header(Element header, List<ModelRecord> published, Optional<LocalDate> asOf) {
        header.appendElement("h1").text("AI models trained with more than " + ComputeChart.powerOfTen(25) + " FLOP");
        long developers = published.stream().flatMap(r -> r.organizations().stream()).distinct().count();
        long above = published.stream().filter(r -> r.status() == Status.ABOVE).count();
        Element headline = header.appendElement("p").addClass("headline");
        headline.appendElement("strong").attr("id", "count-models").text(Integer.toString(published.size()));
        headline.appendText(published.size() == 1 ? " model above the line" : " models above the line");
        headline.appendText(" (" + above + " above, " + (published.size() - above) + " likely above), from ");
        headline.appendElement("strong").attr("id", "count-developers").text(Long.toString(developers));
        headline.appendText(developers == 1 ? " developer" : " developers");
        if (asOf.isPresent()) {
            headline.appendText(", as of ");
            headline.appendElement("time").attr("id", "as-of").attr("datetime", asOf.get().toString())
                    .text(HUMAN_DATE.format(asOf.get()));
        }
        headline.appendText(".");
        Element nav = header.appendElement("nav").attr("aria-label", "Sections");
        Element list = nav.appendElement("ul");
        for (String[] link : new String[][] {{"#chart", "Chart"}, {"#" + TrendSection.ID, "Trends"},
                {"#published", "Published models"},
                {"#below", "Checked and found below"}, {"#downloads", "Downloads"}, {"#methodology", "Methodology"}}) {
            list.appendElement("li").appendElement("a").attr("href", link[0]).text(link[1]);
        }
    }

    private void chartSection(Element main, List<ModelRecord> published) {
        Element section = main.appendElement("section").attr("id", "chart").attr("aria-labelledby", "chart-heading");
        section.appendElement("h2").attr("id", "chart-heading").text("Training compute over time");
        Element figure = section.appendElement("figure");
        ComputeChart chart = new ComputeChart(published);
        chart.appendTo(figure);
        Element caption = figure.appendElement("figcaption");
        caption.appendText("Each mark is a published model: a filled circle when its compute is above "
                + ComputeChart.powerOfTen(25) + " FLOP with probability 0.95 or more, an open diamond when it is likely above. "
                + "Vertical bars show the 90% interval where the record has one. Hover a mark for the model's name; "
                + "the table below holds the same data.");
        int missing = published.size() - chart.plotted().size();
        if (missing > 0) {
            caption.appendText(" " + missing + (missing == 1 ? " published model has" : " published models have")
                    + " no headline compute yet and is not plotted.");
        }
    }

    private void publishedSection(Element main, List<ModelRecord> published, Map<String, List<ModelRecord>> rows) {
        Element section = main.appendElement("section").attr("id", "published").attr("aria-labelledby", "published-heading");
        section.appendElement("h2").attr("id", "published-heading").attr("tabindex", "-1").text("Published models");
        section.appendElement("p").text("Models whose training compute is estimated above " + ComputeChart.powerOfTen(25)
                + " FLOP (status above or likely above). Open a row's working to see every estimate, "
                + "its inputs, reasoning and sources.");

        // Shown by the script: without JavaScript there is nothing to filter with, and every row is visible.
        Element controls = section.appendElement("div").attr("id", "controls").addClass("controls")
                .attr("role", "search").attr("hidden", "");
        Element searchLabel = controls.appendElement("label").attr("for", "search");
        searchLabel.text("Search");
        controls.appendElement("input").attr("type", "search").attr("id", "search")
                .attr("placeholder", "Name, alias or developer").attr("autocomplete", "off");
        controls.appendElement("label").attr("for", "filter-org").text("Organisation");
        Element orgs = controls.appendElement("select").attr("id", "filter-org");
        orgs.appendElement("option").attr("value", "").text("All organisations");
        published.stream().flatMap(r -> r.organizations().stream()).distinct().sorted(BY_NAME)
                .forEach(org -> orgs.appendElement("option").attr("value", org).text(org));
        controls.appendElement("label").attr("for", "filter-status").text("Status");
        Element statuses = controls.appendElement("select").attr("id", "filter-status");
        statuses.appendElement("option").attr("value", "").text("Any status");
        for (Status s : List.of(Status.ABOVE, Status.LIKELY_ABOVE)) {
            statuses.appendElement("option").attr("value", s.key()).text(statusLabel(s));
        }
        controls.appendElement("p").attr("id", "shown").attr("role", "status")
                .text("Showing " + published.size() + " of " + published.size() + " models");

        Element table = tableIn(section, PUBLISHED_TABLE, "Published models, oldest first. "
                + "With JavaScript on, the column headings sort the table.");
        Element headRow = table.appendElement("thead").appendElement("tr");
        heading(headRow, "Model", "name", "text").attr("aria-sort", "none");
        heading(headRow, "Organisation", "org", "text");
        heading(headRow, "Published", "date", "text").attr("aria-sort", "ascending");
        heading(headRow, "Training compute (FLOP)", "flop", "number");
        heading(headRow, "90% interval (FLOP)", null, null);
        heading(headRow, "Confidence", "confidence", "text");
        heading(headRow, "Status", "status", "text");
        headRow.select("th[aria-sort=none]").removeAttr("aria-sort");
        rowsOf(table, published, rows);
        if (published.isEmpty()) {
            table.appendElement("tbody").appendElement("tr").appendElement("td").attr("colspan", "7")
                    .text("No model is above the line yet.");
        }
    }

    private void belowSection(Element main, List<ModelRecord> below, List<ModelRecord> all, Map<String, List<ModelRecord>> rows) {
        Element section = main.appendElement("section").attr("id", "below").attr("aria-labelledby", "below-heading");
        section.appendElement("h2").attr("id", "below-heading").text("Checked and found below");
        section.appendElement("p").text("Models that were checked and whose training compute is estimated below "
                + ComputeChart.powerOfTen(25) + " FLOP. They are kept, with their reasoning, so that an exclusion is as "
                + "open to scrutiny as an inclusion.");
        long unsettled = all.stream().filter(r -> r.status() == Status.UNCERTAIN).count();
        if (unsettled > 0) {
            section.appendElement("p").text(unsettled + (unsettled == 1 ? " further model is" : " further models are")
                    + " uncertain (too little is known to place it) and listed only in models.csv.");
        }
        if (below.isEmpty()) {
            section.appendElement("p").addClass("empty").text("No model has been recorded below the line yet.");
            return;
        }
        Element table = tableIn(section, BELOW_TABLE, "Models checked and found below the line, oldest first.");
        Element headRow = table.appendElement("thead").appendElement("tr");
        heading(headRow, "Model", null, null);
        heading(headRow, "Organisation", null, null);
        heading(headRow, "Published", null, null);
        heading(headRow, "Training compute (FLOP)", null, null);
        heading(headRow, "90% interval (FLOP)", null, null);
        heading(headRow, "Confidence", null, null);
        heading(headRow, "Status", null, null);
        rowsOf(table, below, rows);
    }

    private static Element tableIn(Element section, String id, String caption) {
        Element wrap = section.appendElement("div").addClass("table-wrap").attr("role", "region")
                .attr("aria-labelledby", id + "-caption").attr("tabindex", "0");
        Element table = wrap.appendElement("table").attr("id", id);
        table.appendElement("caption").attr("id", id + "-caption").text(caption);
        return table;
    }

    private static Element heading(Element row, String label, String sortKey, String type) {
        Element th = row.appendElement("th").attr("scope", "col").text(label);
        if (sortKey != null) {
            th.attr("data-sort", sortKey).attr("data-type", type);
        }
        return th;
    }

    /**
     * The page's tables with rows, in the page's order, each with its models: what {@link #document} marks (the
     * published models, then those checked and found below; a table without models has no rows).
     */
    static Map<String, List<ModelRecord>> tables(List<ModelRecord> records) {
        Map<String, List<ModelRecord>> tables = new LinkedHashMap<>();
        List<ModelRecord> published = published(records);
        List<ModelRecord> below = below(records);
        if (!published.isEmpty()) {
            tables.put(PUBLISHED_TABLE, published);
        }
        if (!below.isEmpty()) {
            tables.put(BELOW_TABLE, below);
        }
        return tables;
    }

    private static List<ModelRecord> published(List<ModelRecord> records) {
        return records.stream().filter(r -> r.status().isPublished()).toList();
    }

    private static List<ModelRecord> below(List<ModelRecord> records) {
        return records.stream().filter(r -> r.status() == Status.BELOW || r.status() == Status.LIKELY_BELOW).toList();
    }

    /** Marks where the models' rows go (written by {@link ModelRows} as the page is written). */
    private static void rowsOf(Element table, List<ModelRecord> models, Map<String, List<ModelRecord>> rows) {
        if (!models.isEmpty()) {
            table.appendChild(new Comment(ROWS_MARKER + table.id()));
            rows.put(table.id(), models);
        }
    }

    static boolean isWebAddress(String url) {
        if (url == null) {
            return false;
        }
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void downloadsSection(Element main) {
        Element section = main.appendElement("section").attr("id", "downloads").attr("aria-labelledby", "downloads-heading");
        section.appendElement("h2").attr("id", "downloads-heading").text("Downloads");
        section.appendElement("p").text("The data behind this page, under the Creative Commons Attribution 4.0 licence.");
        Element list = section.appendElement("ul").addClass("downloads");
        for (Download d : DOWNLOADS) {
            Element li = list.appendElement("li");
            li.appendElement("a").attr("href", d.file()).text(d.label());
            li.appendText(" (" + d.file() + "): " + d.description());
        }
    }

    private void methodologySection(Element main) {
        Element section = main.appendElement("section").attr("id", "methodology").attr("aria-labelledby", "methodology-heading");
        section.appendElement("h2").attr("id", "methodology-heading").text("Methodology");
        section.appendElement("p").text("Each model's training compute is estimated by one or more methods: the figure "
                + "the developer reported, 6 × parameters × training tokens, accelerators × peak throughput × time × "
                + "utilisation, imputation from benchmark scores, comparison with another model, or training cost. "
                + "Each estimate has a confidence level (Confident, Likely, Speculative) that sets its spread; the "
                + "headline combines the estimates, and its spread gives the probability p that compute exceeds "
                + ComputeChart.powerOfTen(25) + " FLOP.");
        Element rules = section.appendElement("ul");
        rules.appendElement("li").text("above: p ≥ 0.95");
        rules.appendElement("li").text("likely above: 0.5 ≤ p < 0.95");
        rules.appendElement("li").text("likely below: 0.05 < p < 0.5");
        rules.appendElement("li").text("below: p ≤ 0.05");
        rules.appendElement("li").text("uncertain: no usable estimate yet");
        section.appendElement("p").text("The published list holds the models above or likely above. A reviewer may "
                + "set another status only after checking the record, and must write why.");
        Element links = section.appendElement("ul").addClass("doc-links");
        docLink(links, "docs/methodology.md", "How compute is estimated, and how the status follows");
        docLink(links, "docs/contributing.md", "How to add or correct a model");
        docLink(links, "schema/model.schema.json", "The record format (JSON Schema)");
        links.appendElement("li").appendElement("a").attr("href", options.repoUrl()).text("The repository");
    }

    private void docLink(Element list, String path, String label) {
        Element li = list.appendElement("li");
        li.appendElement("a").attr("href", options.fileUrl(path)).text(label);
        li.appendText(" (" + path + ")");
    }

    private void footer(Element footer, int recordCount, Optional<LocalDate> asOf) {
        Element p = footer.appendElement("p");
        p.appendText("Built by tracker build from " + recordCount + (recordCount == 1 ? " record" : " records")
                + asOf.map(d -> ", as of " + d).orElse("") + ". Data: CC BY 4.0. Builds on ");
        p.appendElement("a").attr("href", "https://epoch.ai/data/ai-models").text("Epoch AI's data on AI models");
        p.appendText(".");
    }

    static String statusLabel(Status status) {
        String words = status.key().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String methodLabel(Method method) {
        return switch (method) {
            case REPORTED -> "Reported by the developer";
            case PARAMETERS_TOKENS -> "Parameters × tokens (6 N D)";
            case HARDWARE -> "Hardware × training time";
            case BENCHMARK -> "Imputed from benchmarks";
            case COMPARISON -> "Comparison with another model";
            case COST -> "Training cost";
        };
    }

    static String confidence(ModelRecord r) {
        TrainingCompute tc = r.trainingCompute();
        if (tc == null) {
            return "";
        }
        if (tc.confidence() != null) {
            return tc.confidence().name();
        }
        return tc.estimates().size() == 1 && tc.estimates().get(0).confidence() != null
                ? tc.estimates().get(0).confidence().name() : "";
    }

    static Optional<String> interval(ModelRecord r) {
        List<Double> interval = r.trainingCompute() == null ? List.of() : r.trainingCompute().interval90();
        return interval.size() == 2
                ? Optional.of(Numbers.scientific(interval.get(0)) + " – " + Numbers.scientific(interval.get(1)))
                : Optional.empty();
    }

    static String inputValue(JsonNode value) {
        if (value.isNumber()) {
            double d = value.asDouble();
            return Math.abs(d) >= 1e6 || (d != 0 && Math.abs(d) < 1e-3) ? Numbers.scientific(d) : Numbers.plain(d);
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isArray() && value.size() > 0 && value.get(0).isTextual()) {
            return stream(value).map(JsonNode::asText).collect(Collectors.joining(", "));
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        Stream.Builder<JsonNode> items = Stream.builder();
        array.forEach(items::add);
        return items.build();
    }

    private static String resource(String name) {
        try (InputStream in = SitePage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name + " (a packaging bug)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file offered for download. */
    record Download(String file, String label, String description) {
    }
}
