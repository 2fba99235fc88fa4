package org.frontierregistry.tracker.publish;

import java.util.List;
import java.util.stream.Collectors;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.Hardware;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.TrainingCompute;

/** The columns of the published CSV files: Epoch AI's names where Epoch has the column, then ours. */
public final class Tables {
    private Tables() {
    }

    /** {@code above_1e25_flop.csv}: the published list. */
    public static List<Column> published() {
        return List.of(
                Column.text("Model", "Model name as the developer writes it.", ModelRecord::name),
                Column.text("Organization", "Developing organisations, comma-separated.", r -> String.join(",", r.organizations())),
                Column.of("Publication date", "date", "Date of first announcement or release (YYYY-MM-DD).", r -> r.publicationDate().toString()),
                Column.number("Training compute (FLOP)", "Headline training compute in FLOP.", r -> Numbers.scientific(r.headlineFlop())),
                Column.text("Training compute notes", "How the compute was estimated, one entry per method.", Tables::computeNotes),
                Column.text("Confidence", "Confidence of the headline (Confident, Likely, Speculative).", Tables::confidence),
                Column.number("Parameters", "Total parameters.", r -> Numbers.plain(r.parameters())),
                Column.text("Training hardware", "Accelerator used for training.", r -> r.hardware() == null ? "" : r.hardware().chip()),
                Column.text("Model accessibility", "How the public can use the model (Epoch AI's vocabulary).", r -> nullToEmpty(r.accessibility())),
                Column.text("Country (of organization)", "Countries of the developers, comma-separated.", r -> String.join(",", r.countries())),
                Column.text("Domain", "Domains, comma-separated.", r -> String.join(",", r.domains())),
                Column.text("Link", "The first source of the record.", r -> r.sources().isEmpty() ? "" : r.sources().get(0).url()),
                Column.text("id", "Record id: models/<id>.yaml in the registry.", ModelRecord::id),
                Column.text("status", "above or likely_above (see docs/methodology.md).", r -> r.status().key()),
                Column.number("p_above", "Probability that training compute exceeds 1e25 FLOP.", r -> Numbers.probability(tc(r).pAbove())),
                Column.text("estimation method", "Method carrying the headline.", Tables::method),
                Column.number("90% interval low (FLOP)", "Lower end of the 90% interval of training compute.", r -> interval(r, 0)),
                Column.number("90% interval high (FLOP)", "Upper end of the 90% interval of training compute.", r -> interval(r, 1)),
                Column.of("verified", "boolean", "true when a person has checked the record.", r -> Boolean.toString(r.verified())));
    }

    /** {@code models.csv}: every record, above or below the line. */
    public static List<Column> all() {
        return List.of(
                Column.text("id", "Record id: models/<id>.yaml in the registry.", ModelRecord::id),
                Column.text("name", "Model name.", ModelRecord::name),
                Column.text("aliases", "Other names, separated by ' | '.", r -> String.join(" | ", r.aliases())),
                Column.text("organizations", "Developers, comma-separated.", r -> String.join(",", r.organizations())),
                Column.text("countries", "Countries of the developers, comma-separated.", r -> String.join(",", r.countries())),
                Column.of("publication_date", "date", "Date of first announcement or release.", r -> r.publicationDate().toString()),
                Column.text("domains", "Domains, comma-separated.", r -> String.join(",", r.domains())),
                Column.text("accessibility", "Model accessibility.", r -> nullToEmpty(r.accessibility())),
                Column.number("parameters", "Total parameters.", r -> Numbers.plain(r.parameters())),
                Column.number("active_parameters", "Active parameters per token (mixture-of-experts).", r -> Numbers.plain(r.activeParameters())),
                Column.number("training_tokens", "Pre-training tokens.", r -> Numbers.plain(r.trainingTokens())),
                Column.text("hardware_chip", "Training accelerator.", r -> hw(r) == null ? "" : hw(r).chip()),
                Column.number("hardware_count", "Number of accelerators.", r -> hw(r) == null || hw(r).count() == null ? "" : hw(r).count().toString()),
                Column.number("training_compute_flop", "Headline training compute in FLOP.", r -> Numbers.scientific(r.headlineFlop())),
                Column.text("confidence", "Confidence of the headline.", Tables::confidence),
                Column.number("p_above", "Probability that compute exceeds 1e25 FLOP.", r -> Numbers.probability(tc(r).pAbove())),
                Column.number("interval_90_low", "Lower end of the 90% interval (FLOP).", r -> interval(r, 0)),
                Column.number("interval_90_high", "Upper end of the 90% interval (FLOP).", r -> interval(r, 1)),
                Column.text("method", "Method carrying the headline.", Tables::method),
                Column.text("methods", "Every method with an estimate, comma-separated.",
                        r -> tc(r).estimates().stream().map(e -> e.method().key()).distinct().collect(Collectors.joining(","))),
                Column.text("status", "above | likely_above | uncertain | likely_below | below | rejected.", r -> r.status().key()),
                Column.text("status_reasoning", "Why the model is on its side of the line, when a reviewer said so.", r -> nullToEmpty(r.statusReasoning())),
                Column.of("verified", "boolean", "true when a person has checked the record.", r -> Boolean.toString(r.verified())),
                Column.text("created_by", "contractor, maintainer, bot or import.", r -> r.provenance() == null ? "" : r.provenance().createdBy()),
                Column.text("sources", "Source URLs, separated by spaces.", r -> r.sources().stream().map(s -> s.url()).collect(Collectors.joining(" "))));
    }

    static String computeNotes(ModelRecord r) {
        return tc(r).estimates().stream()
                .map(e -> e.method().key() + (e.flop() == null ? "" : " (" + Numbers.scientific(e.flop()) + ")") + ": " + e.reasoning().strip())
                .collect(Collectors.joining("\n"));
    }

    static String confidence(ModelRecord r) {
        TrainingCompute tc = tc(r);
        if (tc.confidence() != null) {
            return tc.confidence().name();
        }
        return tc.estimates().isEmpty() ? "" : tc.estimates().get(0).confidence().name();
    }

    static String method(ModelRecord r) {
        TrainingCompute tc = tc(r);
        Method method = tc.method() != null ? tc.method()
                : tc.estimates().stream().map(Estimate::method).findFirst().orElse(null);
        return method == null ? "" : method.key();
    }

    private static String interval(ModelRecord r, int end) {
        List<Double> interval = tc(r).interval90();
        return interval.size() == 2 ? Numbers.scientific(interval.get(end)) : "";
    }

    private static TrainingCompute tc(ModelRecord r) {
        return r.trainingCompute() == null ? new TrainingCompute(List.of(), null, null, null, null, null, null) : r.trainingCompute();
    }

    private static Hardware hw(ModelRecord r) {
        return r.hardware();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
