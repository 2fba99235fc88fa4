package org.frontierregistry.tracker.record;

import java.util.List;

/**
 * The order of a record's top-level fields, as the schema lists them and the template writes them. A field
 * the tool adds to a file goes where a person would have put it, not at the end.
 */
public final class RecordFieldOrder {
    public static final List<String> TOP_LEVEL = List.of("id", "name", "aliases", "identifiers", "organizations",
            "countries", "publication_date", "domains", "accessibility", "parameters", "active_parameters",
            "training_tokens", "hardware", "benchmarks", "training_compute", "status", "status_reasoning", "notes",
            "sources", "review", "declined", "provenance");

    private RecordFieldOrder() {
    }

    /** Position of a top-level field; fields the schema does not know sort last. */
    public static int rank(String field) {
        int at = TOP_LEVEL.indexOf(field);
        return at < 0 ? TOP_LEVEL.size() : at;
    }
}
