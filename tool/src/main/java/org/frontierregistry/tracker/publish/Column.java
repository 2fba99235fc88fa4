package org.frontierregistry.tracker.publish;

import java.util.function.Function;
import org.frontierregistry.tracker.record.ModelRecord;

/**
 * One column of a published table: its header, its Frictionless type, what it means, and how a record fills it.
 * Number columns are written as numbers; text columns go through {@link SpreadsheetSafe}.
 */
public record Column(String name, String type, String description, Function<ModelRecord, String> value) {
    public static Column text(String name, String description, Function<ModelRecord, String> value) {
        return new Column(name, "string", description, r -> SpreadsheetSafe.text(value.apply(r)));
    }

    public static Column number(String name, String description, Function<ModelRecord, String> value) {
        return new Column(name, "number", description, value);
    }

    public static Column of(String name, String type, String description, Function<ModelRecord, String> value) {
        return new Column(name, type, description, value);
    }
}
