package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frontierregistry.tracker.estimate.Spreads;
import org.frontierregistry.tracker.record.Confidence;

/** Builds the YAML of a valid record for a test, with only the facts the test cares about set. */
final class TestRecord {
    private final String id;
    private String name;
    private List<String> aliases = List.of();
    private List<String> orgs = List.of("Test Lab");
    private List<String> countries = List.of("United States of America");
    private String date = "2024-06-01";
    private List<String> domains = List.of("Language");
    private String accessibility = "API access";
    private Double parameters;
    private Double tokens;
    private String chip;
    private Double flop = 2e25;
    private Double pAbove;
    private String method = "reported";
    private String status = "above";
    private String statusReasoning;
    private boolean verified;
    private String createdBy = "contractor";
    private int sources = 1;
    private String comment = "";

    private TestRecord(String id) {
        this.id = id;
        this.name = id;
    }

    static TestRecord of(String id) {
        return new TestRecord(id);
    }

    TestRecord name(String n) { this.name = n; return this; }
    TestRecord aliases(String... a) { this.aliases = List.of(a); return this; }
    TestRecord orgs(String... o) { this.orgs = List.of(o); return this; }
    TestRecord countries(String... c) { this.countries = List.of(c); return this; }
    TestRecord date(String d) { this.date = d; return this; }
    TestRecord domains(String... d) { this.domains = List.of(d); return this; }
    TestRecord accessibility(String a) { this.accessibility = a; return this; }
    TestRecord parameters(double p) { this.parameters = p; return this; }
    TestRecord tokens(double t) { this.tokens = t; return this; }
    TestRecord chip(String c) { this.chip = c; return this; }
    TestRecord flop(Double f) { this.flop = f; return this; }
    TestRecord pAbove(Double p) { this.pAbove = p; return this; }
    TestRecord method(String m) { this.method = m; return this; }
    TestRecord status(String s) { this.status = s; return this; }
    TestRecord statusReasoning(String s) { this.statusReasoning = s; return this; }
    TestRecord verified(boolean v) { this.verified = v; return this; }
    TestRecord createdBy(String c) { this.createdBy = c; return this; }
    TestRecord sources(int n) { this.sources = n; return this; }
    TestRecord comment(String c) { this.comment = c; return this; }

    String yaml() {
        StringBuilder y = new StringBuilder("# yaml-language-server: $schema=../schema/model.schema.json\n");
        y.append(comment);
        y.append("id: ").append(id).append('\n');
        y.append("name: \"").append(name).append("\"\n");
        if (!aliases.isEmpty()) {
            y.append("aliases: ").append(list(aliases)).append('\n');
        }
        y.append("organizations: ").append(list(orgs)).append('\n');
        y.append("countries: ").append(list(countries)).append('\n');
        y.append("publication_date: ").append(date).append('\n');
        y.append("domains: ").append(list(domains)).append('\n');
        y.append("accessibility: ").append(accessibility).append('\n');
        if (parameters != null) {
            y.append("parameters: ").append(num(parameters)).append('\n');
        }
        if (tokens != null) {
            y.append("training_tokens: ").append(num(tokens)).append('\n');
        }
        if (chip != null) {
            y.append("hardware: {chip: ").append(chip).append(", count: 1000}\n");
        }
        y.append("training_compute:\n  estimates:\n");
        if (flop != null) {
            if (method.equals("parameters_tokens")) {
                y.append("    - method: parameters_tokens\n      flop: ").append(num(flop)).append('\n')
                        .append("      confidence: Likely\n      inputs: {parameters: ").append(num(flop / 6e12))
                        .append(", tokens: 1e12}\n");
            } else {
                y.append("    - method: reported\n      flop: ").append(num(flop)).append('\n')
                        .append("      confidence: Confident\n      inputs: {reported_flop: ").append(num(flop)).append("}\n");
            }
            y.append("      reasoning: The developer states this figure in its technical report.\n");
            y.append("      sources: [s0]\n");
            y.append("  flop: ").append(num(flop)).append('\n');
            // The derived values tracker estimate would write for this one estimate (validate checks them).
            Confidence confidence = method.equals("parameters_tokens") ? Confidence.Likely : Confidence.Confident;
            y.append("  confidence: ").append(confidence).append('\n');
            y.append("  log10_sd: ").append(String.format(Locale.ROOT, "%.4f", Spreads.log10Sd(confidence))).append('\n');
            y.append("  interval_90: [").append(num(flop / Spreads.factor(confidence))).append(", ")
                    .append(num(flop * Spreads.factor(confidence))).append("]\n");
            y.append("  method: ").append(method).append('\n');
            if (pAbove != null) {
                y.append("  p_above: ").append(pAbove).append('\n');
            }
        } else {
            y.setLength(y.length() - "\n  estimates:\n".length());
            y.append("\n  estimates: []\n");
        }
        y.append("status: ").append(status).append('\n');
        if (statusReasoning != null) {
            y.append("status_reasoning: ").append(statusReasoning).append('\n');
        }
        y.append("sources:\n");
        for (int i = 0; i < sources; i++) {
            y.append("  - {id: s").append(i).append(", url: \"https://example.org/").append(id).append('/').append(i).append("\"}\n");
        }
        y.append("review:\n  verified: ").append(verified).append('\n');
        if (verified) {
            y.append("  by: reviewer\n  date: 2025-01-02\n");
        }
        y.append("provenance: {created_by: ").append(createdBy).append("}\n");
        return y.toString();
    }

    private static String list(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("\"" + v + "\""));
        return "[" + String.join(", ", quoted) + "]";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4e", v).replace("e+", "e");
    }
}
