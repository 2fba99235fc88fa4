package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frontierregistry.tracker.estimate.StatusRule;
import org.frontierregistry.tracker.estimate.Working;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Provenance;
import org.frontierregistry.tracker.record.Review;
import org.frontierregistry.tracker.record.Source;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.TrainingCompute;

/** One model in full, for people: facts, every estimate with its inputs and reasoning, status and why, sources, review. */
public final class ModelView {
    private ModelView() {
    }

    public static List<String> lines(ModelRecord r, String file, List<String> working) {
        List<String> lines = new ArrayList<>();
        lines.add(r.name() + "  (" + file + ")");
        if (!r.aliases().isEmpty()) {
            lines.add(fact("Also known as", String.join(", ", r.aliases())));
        }
        lines.add(fact("Developers", String.join(", ", r.organizations())
                + (r.countries().isEmpty() ? "" : " (" + String.join(", ", r.countries()) + ")")));
        lines.add(fact("Published", r.publicationDate() == null ? "" : r.publicationDate().toString()));
        lines.add(fact("Domains", String.join(", ", r.domains())));
        if (r.accessibility() != null) {
            lines.add(fact("Access", r.accessibility()));
        }
        if (r.parameters() != null) {
            lines.add(fact("Parameters", Flops.shortForm(r.parameters())
                    + (r.activeParameters() == null ? "" : " (" + Flops.shortForm(r.activeParameters()) + " active)")));
        }
        if (r.trainingTokens() != null) {
            lines.add(fact("Training tokens", Flops.shortForm(r.trainingTokens())));
        }
        if (r.hardware() != null) {
            lines.add(fact("Hardware", (r.hardware().count() == null ? "" : r.hardware().count() + " x ") + r.hardware().chip()
                    + (r.hardware().hours() == null ? "" : ", " + Numbers.plain(r.hardware().hours()) + " hours")));
        }
        if (!r.benchmarks().isEmpty()) {
            List<String> scores = new ArrayList<>();
            r.benchmarks().forEach((k, v) -> scores.add(k + " " + Numbers.plain(v)));
            lines.add(fact("Benchmarks", String.join(", ", scores)));
        }
        lines.add("");
        lines.addAll(compute(r, working));
        lines.add("");
        lines.addAll(wrap("Status: " + (r.status() == null ? "(none)" : r.status().key()) + " — " + statusWhy(r), "  "));
        lines.add("");
        lines.add("Sources:");
        for (Source s : r.sources()) {
            lines.add("  " + s.id() + ": " + (s.title() == null ? "" : s.title() + " ") + "<" + s.url() + ">"
                    + (s.accessed() == null ? "" : " (read " + s.accessed() + ")"));
        }
        lines.add("");
        lines.add("Review: " + review(r.review()));
        Provenance p = r.provenance();
        if (p != null) {
            List<String> scraped = p.scrapedFrom().stream().map(e -> e.source() + " '" + e.key() + "'").toList();
            lines.add("Created by: " + p.createdBy() + (scraped.isEmpty() ? "" : "; matched in " + String.join(", ", scraped)));
        }
        if (r.notes() != null) {
            lines.addAll(wrap("Notes: " + r.notes().strip(), "  "));
        }
        return lines;
    }

    /**
     * The headline and each estimate. {@code working} is the estimation engine's step-by-step account when it
     * could be computed; otherwise the record's own estimates are listed with their inputs and reasoning.
     */
    private static List<String> compute(ModelRecord r, List<String> working) {
        List<String> lines = new ArrayList<>();
        TrainingCompute tc = Fields.tc(r);
        StringBuilder headline = new StringBuilder("Training compute: ");
        headline.append(tc.flop() == null ? "no headline yet" : Flops.shortForm(tc.flop()) + " FLOP");
        if (Fields.headlineMethod(r) != null && tc.flop() != null) {
            headline.append(", carried by ").append(Fields.headlineMethod(r).key());
        }
        lines.add(headline.toString());
        if (tc.interval90().size() == 2) {
            lines.add(fact("  90% interval", Flops.shortForm(tc.interval90().get(0)) + " to " + Flops.shortForm(tc.interval90().get(1)) + " FLOP"));
        }
        if (tc.pAbove() != null) {
            lines.add(fact("  P(> 1e25 FLOP)", Numbers.probability(tc.pAbove())));
        }
        if (tc.confidence() != null) {
            lines.add(fact("  Confidence", tc.confidence().name()));
        }
        lines.add("");
        if (working != null && !working.isEmpty()) {
            lines.add("Working (as 'tracker estimate " + r.id() + "' shows it):");
            // The engine's first lines repeat the name and its last the status, both shown here already.
            List<String> body = new ArrayList<>(working.subList(Math.min(2, working.size()), working.size()));
            while (!body.isEmpty() && (body.get(body.size() - 1).isEmpty() || body.get(body.size() - 1).startsWith("status: "))) {
                body.remove(body.size() - 1);
            }
            body.forEach(w -> lines.add(w.isEmpty() ? "" : "  " + w));
            lines.add("");
            lines.add("Reasoning:");
            int n = 1;
            for (Estimate e : tc.estimates()) {
                lines.addAll(wrap("  " + n++ + ". " + e.method().key() + ": " + e.reasoning().strip()
                        + (e.sources().isEmpty() ? "" : " [" + String.join(", ", e.sources()) + "]"), "     "));
            }
            return lines;
        }
        if (tc.estimates().isEmpty()) {
            lines.add("No estimates yet: add one under training_compute.estimates (see docs/methodology.md).");
        }
        int n = 1;
        for (Estimate e : tc.estimates()) {
            lines.add("Estimate " + n++ + ": " + e.method().key() + " (" + e.confidence() + ")"
                    + (e.flop() == null ? "" : " = " + Flops.shortForm(e.flop()) + " FLOP"));
            lines.add("  inputs:    " + Working.inputs(e.inputs()));
            lines.addAll(wrap("  reasoning: " + e.reasoning().strip(), "             "));
            if (!e.sources().isEmpty()) {
                lines.add("  sources:   " + String.join(", ", e.sources()));
            }
        }
        return lines;
    }

    /** Splits a long line at spaces so it fits the terminal; continuation lines start with {@code indent}. */
    static List<String> wrap(String line, String indent) {
        List<String> out = new ArrayList<>();
        String lead = line.substring(0, line.length() - line.stripLeading().length());
        StringBuilder current = new StringBuilder(lead);
        for (String word : line.stripLeading().split(" ", -1)) {
            if (current.length() > indent.length() && current.length() + 1 + word.length() > TextTable.TERMINAL_WIDTH) {
                out.add(current.toString().stripTrailing());
                current.setLength(0);
                current.append(indent).append(word);
            } else {
                if (!current.toString().isBlank()) {
                    current.append(' ');
                }
                current.append(word);
            }
        }
        out.add(current.toString().stripTrailing());
        return out;
    }

    static String statusWhy(ModelRecord r) {
        if (r.statusReasoning() != null) {
            return (r.verified() ? "set by a reviewer: " : "") + r.statusReasoning().strip();
        }
        Double p = Fields.tc(r).pAbove();
        if (p != null) {
            Status rule = StatusRule.of(p);
            return "p_above " + Numbers.probability(p) + (rule == r.status() ? "; the rule gives " : "; but the rule gives ")
                    + rule.key() + " when " + StatusRule.explain(rule) + " (docs/methodology.md)";
        }
        return r.headlineFlop() == null ? "no usable estimate yet" : "the estimation engine has not filled p_above yet";
    }

    private static String review(Review review) {
        if (review == null || !review.verified()) {
            return "not verified yet" + (review != null && review.notes() != null ? " (" + review.notes().strip() + ")" : "");
        }
        return "verified by " + review.by() + " on " + review.date() + (review.notes() == null ? "" : " (" + review.notes().strip() + ")");
    }

    private static String fact(String label, String value) {
        return String.join("\n", wrap(String.format(Locale.ROOT, "%-17s %s", label + ":", value), " ".repeat(18)));
    }
}
