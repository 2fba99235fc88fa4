package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a record tree whose every value has the schema's type, field by field: the same {@link ModelRecord} as
 * Jackson's data binding gives, at a fraction of its cost (binding by reflection was a tenth of a validation).
 * Any value of another shape (a number written as text, a date-time, a null where a mapping goes) makes it
 * give up with {@link Unusual}, and {@link RecordMapper} lets Jackson decide, with Jackson's coercions and
 * messages: the fast path never gives a different answer, only the same one sooner.
 */
final class FastRecordMapping {
    /** Thrown where Jackson must decide; carries no stack trace (it is part of the normal flow). */
    static final class Unusual extends Exception {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }

    private FastRecordMapping() {
    }

    static ModelRecord map(JsonNode tree) throws Unusual {
        ObjectNode o = object(tree);
        return new ModelRecord(text(o, "id"), text(o, "name"), texts(o, "aliases"), identifiers(o.get("identifiers")),
                texts(o, "organizations"), texts(o, "countries"), date(o, "publication_date"), texts(o, "domains"),
                text(o, "accessibility"), number(o, "parameters"), number(o, "active_parameters"), number(o, "training_tokens"),
                hardware(o.get("hardware")), benchmarks(o.get("benchmarks")), trainingCompute(o.get("training_compute")),
                status(o.get("status")), text(o, "status_reasoning"), text(o, "notes"),
                list(o.get("sources"), FastRecordMapping::source), review(o.get("review")), provenance(o.get("provenance")),
                declined(o.get("declined")));
    }

    private static Map<String, Map<String, String>> declined(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        Map<String, Map<String, String>> bySource = new HashMap<>();
        for (Map.Entry<String, JsonNode> source : object(node).properties()) {
            Map<String, String> reasons = new HashMap<>();
            for (Map.Entry<String, JsonNode> name : object(source.getValue()).properties()) {
                reasons.put(name.getKey(), textual(name.getValue()));
            }
            bySource.put(source.getKey(), reasons);
        }
        return bySource;
    }

    private static Identifiers identifiers(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        ObjectNode o = object(node);
        return new Identifiers(text(o, "epoch"), texts(o, "huggingface"), texts(o, "lmarena"), texts(o, "openrouter"));
    }

    private static Hardware hardware(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        ObjectNode o = object(node);
        JsonNode count = o.get("count");
        Integer chips = null;
        if (!absent(count)) {
            if (!count.isIntegralNumber() || !count.canConvertToInt()) {
                throw Unusual.INSTANCE;
            }
            chips = count.intValue();
        }
        return new Hardware(text(o, "chip"), chips, number(o, "hours"));
    }

    private static Map<String, Double> benchmarks(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        ObjectNode o = object(node);
        Map<String, Double> scores = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!e.getValue().isNumber()) {
                throw Unusual.INSTANCE;
            }
            scores.put(e.getKey(), e.getValue().doubleValue());
        }
        return scores;
    }

    private static TrainingCompute trainingCompute(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        ObjectNode o = object(node);
        return new TrainingCompute(list(o.get("estimates"), FastRecordMapping::estimate), number(o, "flop"),
                confidence(o.get("confidence")), number(o, "log10_sd"), list(o.get("interval_90"), FastRecordMapping::number),
                number(o, "p_above"), method(o.get("method")));
    }

    private static Estimate estimate(JsonNode node) throws Unusual {
        ObjectNode o = object(node);
        JsonNode inputs = o.get("inputs");
        ObjectNode copied = null;
        if (inputs != null) {
            // Jackson reads an ObjectNode property into a copy of its own; deepCopy keeps every node's type as it does.
            copied = object(inputs).deepCopy();
        }
        return new Estimate(method(o.get("method")), number(o, "flop"), confidence(o.get("confidence")), copied,
                text(o, "reasoning"), texts(o, "sources"));
    }

    private static Source source(JsonNode node) throws Unusual {
        ObjectNode o = object(node);
        return new Source(text(o, "id"), text(o, "url"), text(o, "title"), date(o, "accessed"));
    }

    private static Review review(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        ObjectNode o = object(node);
        JsonNode verified = o.get("verified");
        boolean checked = false;
        if (!absent(verified)) {
            if (!verified.isBoolean()) {
                throw Unusual.INSTANCE;
            }
            checked = verified.booleanValue();
        }
        return new Review(checked, text(o, "by"), date(o, "date"), text(o, "notes"));
    }

    private static Provenance provenance(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        ObjectNode o = object(node);
        return new Provenance(text(o, "created_by"), list(o.get("scraped_from"), entry -> {
            ObjectNode e = object(entry);
            return new Provenance.ScrapedEntry(text(e, "source"), text(e, "key"), date(e, "seen"));
        }));
    }

    private static Method method(JsonNode node) throws Unusual {
        return byKey(node, Method::fromKey);
    }

    private static Status status(JsonNode node) throws Unusual {
        return byKey(node, Status::fromKey);
    }

    /** An enum value written as its key; a key the enum does not know is left to Jackson (and its message). */
    private static <T> T byKey(JsonNode node, Function<String, T> fromKey) throws Unusual {
        if (absent(node)) {
            return null;
        }
        try {
            return fromKey.apply(textual(node));
        } catch (IllegalArgumentException e) {
            throw Unusual.INSTANCE;
        }
    }

    private static Confidence confidence(JsonNode node) throws Unusual {
        if (absent(node)) {
            return null;
        }
        String name = textual(node);
        for (Confidence c : Confidence.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw Unusual.INSTANCE;
    }

    private interface Element<T> {
        T map(JsonNode node) throws Unusual;
    }

    private static <T> List<T> list(JsonNode node, Element<T> element) throws Unusual {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw Unusual.INSTANCE;
        }
        List<T> out = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            out.add(element.map(item));
        }
        return out;
    }

    private static List<String> texts(ObjectNode o, String field) throws Unusual {
        return list(o.get(field), FastRecordMapping::textual);
    }

    private static String text(ObjectNode o, String field) throws Unusual {
        JsonNode node = o.get(field);
        return absent(node) ? null : textual(node);
    }

    private static String textual(JsonNode node) throws Unusual {
        if (!node.isTextual()) {
            throw Unusual.INSTANCE;
        }
        return node.textValue();
    }

    private static Double number(ObjectNode o, String field) throws Unusual {
        JsonNode node = o.get(field);
        return absent(node) ? null : number(node);
    }

    private static Double number(JsonNode node) throws Unusual {
        if (!node.isNumber()) {
            throw Unusual.INSTANCE;
        }
        return node.doubleValue();
    }

    /**
     * A plain YYYY-MM-DD date; anything else (spaces, a time, an empty text, a signed year) is Jackson's to read.
     * Read digit by digit: {@code LocalDate.parse} gives the same dates, but its formatter, run cold on every date
     * of every record (some 1,200 in the repository), took a tenth of reading the records.
     */
    private static LocalDate date(ObjectNode o, String field) throws Unusual {
        JsonNode node = o.get(field);
        if (absent(node)) {
            return null;
        }
        String text = textual(node);
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw Unusual.INSTANCE;
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            throw Unusual.INSTANCE; // a month or day out of range
        }
    }

    private static int digits(String text, int from, int to) throws Unusual {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw Unusual.INSTANCE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static ObjectNode object(JsonNode node) throws Unusual {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw Unusual.INSTANCE;
    }

    /** Missing and null both give null, as in Jackson (a null inside a list is left to Jackson: it is never absent there). */
    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
