package org.frontierregistry.tracker.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;

/**
 * One field of a record that can be shown as a column and sorted on. The value is typed (String, Double,
 * LocalDate, Boolean, List of String, or null when the record does not have it); each output format
 * renders it its own way.
 */
public record Field(String name, String label, Kind kind, String description, Function<ModelRecord, Object> value) {
    public enum Kind { TEXT, COUNT, FLOP, PROBABILITY, BOOLEAN, LIST }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public Object of(ModelRecord record) {
        return value.apply(record);
    }

    /** For people: FLOP and counts as 3.8e25, probabilities with three decimals, lists comma-separated. */
    public String text(ModelRecord record) {
        Object v = of(record);
        if (v == null) {
            return "";
        }
        return switch (kind) {
            case FLOP, COUNT -> Flops.shortForm((Double) v);
            case PROBABILITY -> Numbers.probability((Double) v);
            case LIST -> String.join(", ", strings(v));
            default -> string(v);
        };
    }

    /** For spreadsheets and scripts: numbers in full (3.8e+25, 405000000000), lists separated by "; ". */
    public String csv(ModelRecord record) {
        Object v = of(record);
        if (v == null) {
            return "";
        }
        return switch (kind) {
            case FLOP -> Numbers.scientific((Double) v);
            case COUNT -> Numbers.plain((Double) v);
            case PROBABILITY -> Numbers.plain((Double) v);
            case LIST -> String.join("; ", strings(v));
            default -> string(v);
        };
    }

    public JsonNode json(ModelRecord record) {
        Object v = of(record);
        if (v == null) {
            return NODES.nullNode();
        }
        return switch (kind) {
            case FLOP, COUNT, PROBABILITY -> NODES.numberNode((Double) v);
            case BOOLEAN -> NODES.booleanNode((Boolean) v);
            case LIST -> {
                ArrayNode array = NODES.arrayNode();
                strings(v).forEach(array::add);
                yield array;
            }
            default -> NODES.textNode(string(v));
        };
    }

    /** Ascending order of this field's values; records without a value come last. */
    public Comparator<ModelRecord> ascending() {
        return Comparator.comparing(this::sortKey, Comparator.nullsLast(KEY_ORDER));
    }

    /** Descending order of this field's values; records without a value still come last. */
    public Comparator<ModelRecord> descending() {
        return Comparator.comparing(this::sortKey, Comparator.nullsLast(KEY_ORDER.reversed()));
    }

    /** Whether numbers line up on the right in a table. */
    public boolean numeric() {
        return kind == Kind.FLOP || kind == Kind.COUNT || kind == Kind.PROBABILITY;
    }

    private Comparable<?> sortKey(ModelRecord record) {
        Object v = of(record);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? null : String.join(", ", strings(list)).toLowerCase(Locale.ROOT);
        }
        if (v instanceof String s) {
            return s.toLowerCase(Locale.ROOT);
        }
        return (Comparable<?>) v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Comparable<?>> KEY_ORDER = (a, b) -> ((Comparable) a).compareTo(b);

    /** Enums (status, method) print as the keys records use; they sort in their own order (above before below). */
    private static String string(Object v) {
        if (v instanceof Status status) {
            return status.key();
        }
        if (v instanceof Method method) {
            return method.key();
        }
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return (List<String>) v;
    }
}
