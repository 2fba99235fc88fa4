package org.frontierregistry.tracker.publish.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Source;
import org.frontierregistry.tracker.record.TrainingCompute;

/**
 * One model's rows of a table on the page: a {@code tbody} holding the summary row, then a row with the
 * expandable working (every estimate with its inputs, reasoning and sources). Written straight as text, laid out
 * as jsoup lays out the rest of the page, rather than as jsoup elements: a registry of 10,000 records has 10,000 of
 * these, and holding them all as a document before writing it cost more than the rest of the build.
 */
final class ModelRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SiteOptions options;

    ModelRows(SiteOptions options) {
        this.options = options;
    }

    /**
     * The rows of {@code r}, each line starting with {@code indent} plus one space per level.
     *
     * @param forFiltering whether the {@code tbody} carries the data the page's script filters and sorts by
     */
    String html(ModelRecord r, boolean forFiltering, String indent) {
        Lines out = new Lines(indent);
        StringBuilder tag = out.start(0).append("<tbody");
        HtmlText.attribute(tag, "class", "model");
        HtmlText.attribute(tag, "id", "model-" + r.id());
        HtmlText.attribute(tag, "data-id", r.id());
        if (forFiltering) {
            HtmlText.attribute(tag, "data-name", r.name().toLowerCase(Locale.ROOT));
            HtmlText.attribute(tag, "data-org", r.organizations().isEmpty() ? "" : r.organizations().get(0).toLowerCase(Locale.ROOT));
            HtmlText.attribute(tag, "data-orgs", json(r.organizations()));
            HtmlText.attribute(tag, "data-date", r.publicationDate() == null ? "" : r.publicationDate().toString());
            HtmlText.attribute(tag, "data-flop", r.headlineFlop() == null ? "" : Numbers.scientific(r.headlineFlop()));
            HtmlText.attribute(tag, "data-confidence", SitePage.confidence(r));
            HtmlText.attribute(tag, "data-status", r.status().key());
            HtmlText.attribute(tag, "data-search", Stream.concat(Stream.concat(r.allNames().stream(), r.organizations().stream()),
                            Stream.of(r.id()))
                    .map(s -> s.toLowerCase(Locale.ROOT)).distinct().collect(Collectors.joining(" | ")));
        }
        tag.append('>');
        out.line(1, "<tr class=\"summary-row\">");
        out.element(2, "th scope=\"row\" class=\"name\"", r.name());
        out.element(2, "td class=\"org\"", String.join(", ", r.organizations()));
        out.element(2, "td class=\"date\"", r.publicationDate() == null ? "" : r.publicationDate().toString());
        out.element(2, "td class=\"flop num\"", r.headlineFlop() == null ? "–" : Numbers.scientific(r.headlineFlop()));
        out.element(2, "td class=\"interval num\"", SitePage.interval(r).orElse("–"));
        out.element(2, "td class=\"confidence\"", SitePage.confidence(r));
        StringBuilder status = out.start(2).append("<td class=\"status\"><span class=\"badge ")
                .append(r.status().key().replace('_', '-')).append("\">");
        HtmlText.text(status, SitePage.statusLabel(r.status()));
        status.append("</span></td>");
        out.line(1, "</tr>");
        out.line(1, "<tr class=\"working-row\">");
        out.line(2, "<td colspan=\"7\">");
        out.line(3, "<details>");
        StringBuilder summary = out.start(4).append("<summary>Working, reasoning and sources<span class=\"visually-hidden\">");
        HtmlText.text(summary, " for " + r.name());
        summary.append("</span></summary>");
        out.line(4, "<div class=\"working\">");
        working(out, 5, r);
        out.line(4, "</div>");
        out.line(3, "</details>");
        out.line(2, "</td>");
        out.line(1, "</tr>");
        out.line(0, "</tbody>");
        return out.toString();
    }

    private void working(Lines out, int depth, ModelRecord r) {
        TrainingCompute tc = r.trainingCompute();
        StringBuilder headline = out.start(depth).append("<p>");
        if (r.headlineFlop() != null) {
            headline.append("<strong>");
            HtmlText.text(headline, "Headline: " + Numbers.scientific(r.headlineFlop()) + " FLOP");
            headline.append("</strong>");
            String confidence = SitePage.confidence(r);
            HtmlText.text(headline, (confidence.isEmpty() ? "" : " (" + confidence + ")")
                    + SitePage.interval(r).map(i -> ", 90% interval " + i).orElse("")
                    + (tc.pAbove() == null ? "" : ", probability above " + ComputeChart.powerOfTen(25) + " = "
                    + Numbers.probability(tc.pAbove()))
                    + (tc.method() == null ? "" : "; it rests mostly on the estimate \u201c" + SitePage.methodLabel(tc.method()) + "\u201d")
                    + ".");
        } else {
            headline.append("<strong>No headline compute yet.</strong>");
        }
        headline.append("</p>");
        out.element(depth, "p", "Status: " + SitePage.statusLabel(r.status()) + ". "
                + (r.verified() ? "Checked by a person" + (r.review().by() == null ? "" : " (" + r.review().by() + ")")
                + (r.review().date() == null ? "" : " on " + r.review().date()) + "." : "Not yet checked by a person."));
        if (r.statusReasoning() != null && !r.statusReasoning().isBlank()) {
            labelled(out, depth, "Why this status: ", r.statusReasoning());
        }
        if (!tc.estimates().isEmpty()) {
            out.element(depth, "h3", tc.estimates().size() == 1 ? "The estimate" : "The estimates");
            out.line(depth, "<ol class=\"estimates\">");
            for (Estimate e : tc.estimates()) {
                out.line(depth + 1, "<li>");
                estimate(out, depth + 2, e, r);
                out.line(depth + 1, "</li>");
            }
            out.line(depth, "</ol>");
        }
        if (r.notes() != null && !r.notes().isBlank()) {
            labelled(out, depth, "Notes: ", r.notes());
        }
        if (!r.sources().isEmpty()) {
            out.element(depth, "h3", "Sources");
            out.line(depth, "<ul class=\"sources\">");
            for (Source s : r.sources()) {
                StringBuilder li = out.start(depth + 1).append("<li>");
                sourceLink(li, s, true);
                li.append("</li>");
            }
            out.line(depth, "</ul>");
        }
        String path = "models/" + r.id() + ".yaml";
        StringBuilder p = out.start(depth).append("<p class=\"yaml-link\">The record: <a");
        HtmlText.attribute(p, "href", options.fileUrl(path));
        p.append('>');
        HtmlText.text(p, path);
        p.append("</a> in the repository.</p>");
    }

    /** {@code <p><strong>label</strong>text</p>}. */
    private static void labelled(Lines out, int depth, String label, String text) {
        StringBuilder p = out.start(depth).append("<p><strong>");
        HtmlText.text(p, label);
        p.append("</strong>");
        HtmlText.text(p, text.strip());
        p.append("</p>");
    }

    private static void estimate(Lines out, int depth, Estimate e, ModelRecord r) {
        StringBuilder title = out.start(depth).append("<p><strong>");
        HtmlText.text(title, SitePage.methodLabel(e.method()));
        title.append("</strong>");
        HtmlText.text(title, (e.flop() == null ? "" : ": " + Numbers.scientific(e.flop()) + " FLOP")
                + (e.confidence() == null ? "" : " (" + e.confidence().name() + ")"));
        title.append("</p>");
        if (e.inputs() != null && !e.inputs().isEmpty()) {
            out.line(depth, "<dl class=\"inputs\">");
            Iterator<Map.Entry<String, JsonNode>> fields = e.inputs().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.element(depth + 1, "dt", field.getKey().replace('_', ' '));
                out.element(depth + 1, "dd", SitePage.inputValue(field.getValue()));
            }
            out.line(depth, "</dl>");
        }
        if (e.reasoning() != null) {
            out.element(depth, "p class=\"reasoning\"", e.reasoning());
        }
        if (!e.sources().isEmpty()) {
            StringBuilder p = out.start(depth).append("<p class=\"estimate-sources\">Sources: ");
            boolean first = true;
            for (String id : e.sources()) {
                if (!first) {
                    p.append(", ");
                }
                first = false;
                Optional<Source> source = r.sources().stream().filter(s -> id.equals(s.id())).findFirst();
                if (source.isPresent()) {
                    sourceLink(p, source.get(), false);
                } else {
                    HtmlText.text(p, id);
                }
            }
            p.append("</p>");
        }
    }

    /** A source as a link when its URL is http(s); any other scheme (javascript:, data:) is shown as text only. */
    private static void sourceLink(StringBuilder out, Source s, boolean wholeBlock) {
        String label = s.title() != null && !s.title().isBlank() ? s.title() : s.url() != null ? s.url() : s.id();
        if (SitePage.isWebAddress(s.url())) {
            out.append("<a");
            HtmlText.attribute(out, "href", s.url());
            out.append('>');
            HtmlText.text(out, label);
            out.append("</a>");
        } else {
            String text = label + (s.url() == null || s.url().equals(label) ? "" : " (" + s.url() + ")");
            if (wholeBlock) {
                HtmlText.blockText(out, text);
            } else {
                HtmlText.text(out, text);
            }
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines of HTML, each indented one space per level below the rows' own indentation. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder(4096);
        private final String indent;

        Lines(String indent) {
            this.indent = indent;
        }

        /** Starts a new line at {@code depth}; the caller appends its content. */
        StringBuilder start(int depth) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(indent);
            for (int i = 0; i < depth; i++) {
                text.append(' ');
            }
            return text;
        }

        void line(int depth, String html) {
            start(depth).append(html);
        }

        /** {@code <tag attributes>text</tag>} on one line; {@code opening} is the tag name and its attributes. */
        void element(int depth, String opening, String content) {
            StringBuilder line = start(depth).append('<').append(opening).append('>');
            HtmlText.blockText(line, content);
            int space = opening.indexOf(' ');
            line.append("</").append(space < 0 ? opening : opening.substring(0, space)).append('>');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
