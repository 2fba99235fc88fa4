package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.frontierregistry.tracker.query.Field.Kind;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Source;
import org.frontierregistry.tracker.record.TrainingCompute;
import org.frontierregistry.tracker.validate.DidYouMean;

/** Every field a query can show or sort on, by name (the names are the record's keys where it has one). */
public final class Fields {
    /** What {@code tracker query} shows when no --columns are given: fits an 80-column terminal. */
    public static final List<String> DEFAULT_COLUMNS = List.of("name", "organizations", "publication_date", "flop", "p_above", "status");

    private static final Map<String, Field> BY_NAME = new LinkedHashMap<>();

    static {
        add("id", "id", Kind.TEXT, "Record id (models/<id>.yaml).", ModelRecord::id);
        add("name", "name", Kind.TEXT, "Model name.", ModelRecord::name);
        add("aliases", "aliases", Kind.LIST, "Other names the model is known by.", ModelRecord::aliases);
        add("organizations", "organization", Kind.LIST, "Developers.", ModelRecord::organizations);
        add("countries", "country", Kind.LIST, "Countries of the developers.", ModelRecord::countries);
        add("publication_date", "date", Kind.TEXT, "Date of first announcement or release.",
                r -> r.publicationDate() == null ? null : r.publicationDate().toString());
        add("domains", "domain", Kind.LIST, "Domains.", ModelRecord::domains);
        add("accessibility", "accessibility", Kind.TEXT, "How the public can use the model.", ModelRecord::accessibility);
        add("parameters", "params", Kind.COUNT, "Total parameters.", ModelRecord::parameters);
        add("active_parameters", "active", Kind.COUNT, "Active parameters per token (mixture-of-experts).", ModelRecord::activeParameters);
        add("training_tokens", "tokens", Kind.COUNT, "Pre-training tokens.", ModelRecord::trainingTokens);
        add("hardware", "hardware", Kind.TEXT, "Training accelerator.", r -> r.hardware() == null ? null : r.hardware().chip());
        add("hardware_count", "chips", Kind.COUNT, "Number of accelerators.",
                r -> r.hardware() == null || r.hardware().count() == null ? null : r.hardware().count().doubleValue());
        add("flop", "flop", Kind.FLOP, "Headline training compute (FLOP).", ModelRecord::headlineFlop);
        add("confidence", "confidence", Kind.TEXT, "Confidence of the headline.", Fields::confidence);
        add("p_above", "p_above", Kind.PROBABILITY, "Probability that training compute exceeds 1e25 FLOP.", r -> tc(r).pAbove());
        add("interval_90_low", "low_90", Kind.FLOP, "Lower end of the 90% interval (FLOP).", r -> interval(r, 0));
        add("interval_90_high", "high_90", Kind.FLOP, "Upper end of the 90% interval (FLOP).", r -> interval(r, 1));
        add("method", "method", Kind.TEXT, "Method carrying the headline.", Fields::headlineMethod);
        add("methods", "methods", Kind.LIST, "Every method with an estimate.",
                r -> tc(r).estimates().stream().map(e -> e.method().key()).distinct().toList());
        add("status", "status", Kind.TEXT, "above | likely_above | uncertain | likely_below | below | rejected.",
                ModelRecord::status);
        add("status_reasoning", "why", Kind.TEXT, "Why the model is on its side of the line, when a reviewer said so.",
                ModelRecord::statusReasoning);
        add("verified", "verified", Kind.BOOLEAN, "Whether a person has checked the record.", ModelRecord::verified);
        add("reviewed_by", "by", Kind.TEXT, "Who verified the record.", r -> r.review() == null ? null : r.review().by());
        add("review_date", "reviewed", Kind.TEXT, "When the record was reviewed.",
                r -> r.review() == null || r.review().date() == null ? null : r.review().date().toString());
        add("created_by", "created_by", Kind.TEXT, "contractor, maintainer, bot or import.",
                r -> r.provenance() == null ? null : r.provenance().createdBy());
        add("source_count", "sources", Kind.COUNT, "Number of sources.", r -> (double) r.sources().size());
        add("source_urls", "urls", Kind.LIST, "Source addresses.", r -> r.sources().stream().map(Source::url).toList());
    }

    private Fields() {
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static List<Field> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The field called {@code name}; an error with a suggestion when there is none. */
    public static Field named(String name, String what) {
        Field field = BY_NAME.get(name.strip());
        if (field == null) {
            throw new QueryException("unknown " + what + " '" + name + "'. " + DidYouMean.phrase(name, BY_NAME.keySet())
                    + "Known: " + String.join(", ", BY_NAME.keySet()) + ".");
        }
        return field;
    }

    public static List<Field> columns(List<String> names) {
        List<Field> columns = new ArrayList<>();
        for (String name : names.isEmpty() ? DEFAULT_COLUMNS : names) {
            columns.add(named(name, "column"));
        }
        return columns;
    }

    /** The method carrying the headline: the engine's choice when it made one, else the first estimate's. */
    public static Method headlineMethod(ModelRecord r) {
        TrainingCompute tc = tc(r);
        if (tc.method() != null) {
            return tc.method();
        }
        return tc.estimates().stream().map(Estimate::method).findFirst().orElse(null);
    }

    static TrainingCompute tc(ModelRecord r) {
        return r.trainingCompute() == null ? new TrainingCompute(List.of(), null, null, null, null, null, null) : r.trainingCompute();
    }

    private static String confidence(ModelRecord r) {
        TrainingCompute tc = tc(r);
        if (tc.confidence() != null) {
            return tc.confidence().name();
        }
        return tc.estimates().size() == 1 ? tc.estimates().get(0).confidence().name() : null;
    }

    private static Double interval(ModelRecord r, int end) {
        List<Double> interval = tc(r).interval90();
        return interval.size() == 2 ? interval.get(end) : null;
    }

    private static void add(String name, String label, Kind kind, String description, Function<ModelRecord, Object> value) {
        BY_NAME.put(name, new Field(name, label, kind, description, value));
    }
}
