package org.frontierregistry.tracker.publish.site;

import java.nio.file.Path;
import org.frontierregistry.tracker.testing.TempRegistry;

/**
 * A small registry for the site tests: six published models from four developers (above and likely above,
 * one with two developers, some with 90% intervals, one whose text is hostile HTML), two checked and found
 * below, and one uncertain. Derived fields follow the status rule (p ≥ 0.95 above, 0.5 ≤ p < 0.95 likely above).
 */
final class SiteFixtures {
    static final String HOSTILE_NAME = "<script>alert(\"name\")</script> Echo & \"Sons\"";

    private SiteFixtures() {
    }

    static TempRegistry registry(Path folder) {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("atlas-1", record("atlas-1", "Atlas 1", "[Northwind Labs]", "2023-03-14",
                "reported", "{reported_flop: 2.1e25}", "2.1e25", "Likely", "[1.2e25, 3.6e25]", "0.97", "above",
                "The developer's system card states the pre-training compute as 2.1e25 FLOP."));
        registry.write("borealis-ultra", record("borealis-ultra", "Borealis Ultra", "[Polar AI]", "2023-12-06",
                "parameters_tokens", "{parameters: 500e9, tokens: 16.7e12}", "5.01e25", "Likely", "[2.9e25, 8.7e25]",
                "0.999", "above", "A dense 500B model trained on 16.7T tokens: 6 x N x D = 5.01e25 FLOP."));
        registry.write("cirrus-2", record("cirrus-2", "Cirrus 2", "[Northwind Labs]", "2024-05-13",
                "reported", "{reported_flop: 1.3e25}", "1.3e25", "Speculative", "[4e24, 4.2e25]", "0.62", "likely_above",
                "A leaked figure of 1.3e25 FLOP, not confirmed by the developer."));
        registry.write("delta-mix", record("delta-mix", "Delta-Mix 8x", "[Polar AI, Harbor Research]", "2024-09-01",
                "parameters_tokens", "{parameters: 1.2e12, active_parameters: 200e9, tokens: 66.7e12}", "8.004e25",
                "Likely", "[4.6e25, 1.4e26]", "0.999", "above",
                "Mixture of experts: 6 x 200B active parameters x 66.7T tokens = 8.0e25 FLOP."));
        registry.write("echo", record("echo", HOSTILE_NAME, "[\"Echo & Sons <Lab>\"]", "2025-02-01",
                "reported", "{reported_flop: 1.1e25}", "1.1e25", "Speculative", "[3.4e24, 3.6e25]", "0.55", "likely_above",
                "<img src=x onerror=alert('reasoning')> A reported 1.1e25 FLOP & nothing more."));
        registry.write("fjord-3", record("fjord-3", "Fjord 3", "[Harbor Research]", "2025-06-20",
                "reported", "{reported_flop: 3e26}", "3e26", "Confident", null, "1.0", "above",
                "The technical report gives 3e26 FLOP for the final training run."));
        registry.write("glacier-small", record("glacier-small", "Glacier Small", "[Polar AI]", "2024-01-10",
                "parameters_tokens", "{parameters: 20e9, tokens: 16.7e12}", "2.004e24", "Confident", "[1.4e24, 2.9e24]",
                "0.0", "below", "A 20B dense model on 16.7T tokens: 6 x N x D = 2.0e24 FLOP, far below the line."));
        registry.write("harbor-mini", record("harbor-mini", "Harbor Mini", "[Harbor Research]", "2024-11-01",
                "reported", "{reported_flop: 6e24}", "6e24", "Speculative", "[1.9e24, 1.9e25]", "0.3", "likely_below",
                "An interview puts the run at about 6e24 FLOP; nothing firmer is public."));
        registry.write("iris", """
                # yaml-language-server: $schema=../schema/model.schema.json
                id: iris
                name: Iris
                organizations: [Northwind Labs]
                publication_date: 2025-04-01
                domains: [Language]
                training_compute:
                  estimates: []
                status: uncertain
                sources: [{id: announcement, url: "https://example.org/iris", accessed: 2025-07-02}]
                review: {verified: false}
                provenance: {created_by: contractor}
                """);
        return registry;
    }

    private static String record(String id, String name, String orgs, String date, String method, String inputs,
                                 String flop, String confidence, String interval, String pAbove, String status,
                                 String reasoning) {
        return "# yaml-language-server: $schema=../schema/model.schema.json\n"
                + "id: " + id + "\n"
                + "name: " + quoted(name) + "\n"
                + "organizations: " + orgs + "\n"
                + "publication_date: " + date + "\n"
                + "domains: [Language]\n"
                + "training_compute:\n"
                + "  estimates:\n"
                + "    - method: " + method + "\n"
                + "      flop: " + flop + "\n"
                + "      confidence: " + confidence + "\n"
                + "      inputs: " + inputs + "\n"
                + "      reasoning: " + quoted(reasoning) + "\n"
                + "      sources: [main]\n"
                + "  flop: " + flop + "\n"
                + "  confidence: " + confidence + "\n"
                + (interval == null ? "" : "  interval_90: " + interval + "\n")
                + "  p_above: " + pAbove + "\n"
                + "  method: " + method + "\n"
                + "status: " + status + "\n"
                + "sources:\n"
                + "  - {id: main, url: \"https://example.org/" + id + "\", title: " + quoted("Report on " + name) + "}\n"
                + "review: {verified: false}\n"
                + "provenance: {created_by: contractor}\n";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
