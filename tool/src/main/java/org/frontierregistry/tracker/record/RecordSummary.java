package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the checks across records need from a record they do not report on: its id, name and aliases (unique
 * names), its publication date (the order records are compared in) and the ids its comparison estimates refer
 * to (the estimator's comparison graph). The validation cache keeps one per file, so validating one file in a
 * large registry does not read every other record in full.
 */
public record RecordSummary(String id, String name, List<String> aliases, LocalDate publicationDate,
                            List<String> references) {
    public RecordSummary {
        aliases = List.copyOf(aliases);
        references = List.copyOf(references);
    }

    // Written out: a record's generated equals is bound by method handles on first call, which cost every short
    // command tens of milliseconds of start-up (docs/architecture.md, Start-up).
    @Override
    public boolean equals(Object other) {
        return other instanceof RecordSummary that && Objects.equals(id, that.id) && Objects.equals(name, that.name)
                && aliases.equals(that.aliases) && Objects.equals(publicationDate, that.publicationDate)
                && references.equals(that.references);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, aliases, publicationDate, references);
    }

    public static RecordSummary of(ModelRecord record) {
        return new RecordSummary(record.id(), record.name(), record.aliases(), record.publicationDate(), references(record));
    }

    /** The ids a record's comparison estimates refer to, read as the estimator reads them. */
    public static List<String> references(ModelRecord record) {
        List<String> references = new ArrayList<>();
        if (record.trainingCompute() != null) {
            for (Estimate e : record.trainingCompute().estimates()) {
                if (e.method() == Method.COMPARISON && e.inputs() != null && e.inputs().hasNonNull("reference")) {
                    references.add(e.inputs().get("reference").asText());
                }
            }
        }
        return references;
    }

    /**
     * A record holding only this summary (its comparison estimates keep just their reference), to stand for the
     * full record in checks across records. It must never be estimated or checked itself: a validation loads in
     * full every record the records it reports on refer to, directly or through others.
     */
    public ModelRecord standIn() {
        List<Estimate> comparisons = new ArrayList<>();
        for (String reference : references) {
            ObjectNode inputs = JsonNodeFactory.instance.objectNode().put("reference", reference);
            comparisons.add(new Estimate(Method.COMPARISON, null, null, inputs, null, List.of()));
        }
        TrainingCompute compute = new TrainingCompute(comparisons, null, null, null, List.of(), null, null);
        return new ModelRecord(id, name, aliases, null, null, null, publicationDate, null, null, null, null, null, null,
                null, compute, null, null, null, null, null, null, null);
    }
}
