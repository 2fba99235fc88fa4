package org.frontierregistry.tracker.propose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.discover.Evidence;
import org.frontierregistry.tracker.scrape.Sighting;
import org.frontierregistry.tracker.scrape.SourceText;

/** The evidence of a new model as a Markdown table: each fact, its value, and the source that stated it. */
final class EvidenceTable {
    private EvidenceTable() {
    }

    static String markdown(Evidence e) {
        List<String[]> rows = new ArrayList<>();
        for (Sighting s : e.sightings()) {
            rows.add(row("name", "`" + s.key() + "`" + (s.name().equals(s.key()) ? "" : " (" + s.name() + ")"), s));
        }
        for (Sighting s : e.sightings()) {
            if (!s.organizations().isEmpty()) {
                rows.add(row("developer", String.join(", ", s.organizations()), s));
            }
            if (s.date() != null) {
                rows.add(row(s.source().equals("openrouter") ? "listed" : s.source().equals("huggingface") ? "repository created"
                        : "published", s.date().toString(), s));
            }
            if (s.parameters() != null) {
                rows.add(row("parameters", SourceText.sci(s.parameters()), s));
            }
            if (s.activeParameters() != null) {
                rows.add(row("active parameters", SourceText.sci(s.activeParameters()), s));
            }
            if (s.trainingTokens() != null) {
                rows.add(row("training tokens", SourceText.sci(s.trainingTokens()), s));
            }
            if (s.flop() != null) {
                rows.add(row("training compute", SourceText.sci(s.flop()) + " FLOP"
                        + (s.flopConfidence() == null ? "" : " (" + s.flopConfidence() + ")"), s));
            }
            for (Map.Entry<String, Double> b : s.benchmarks().entrySet()) {
                rows.add(row(b.getKey(), java.math.BigDecimal.valueOf(b.getValue()).stripTrailingZeros().toPlainString(), s));
            }
            if (s.url() != null) {
                rows.add(row("link", s.url(), s));
            }
        }
        StringBuilder t = new StringBuilder("| fact | value | source |\n|---|---|---|\n");
        for (String[] r : rows) {
            t.append("| ").append(cell(r[0])).append(" | ").append(cell(r[1])).append(" | ").append(cell(r[2])).append(" |\n");
        }
        return t.toString();
    }

    private static String[] row(String fact, String value, Sighting s) {
        return new String[] {fact, value, s.source()};
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
