package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Reads an estimate's {@code inputs}, failing with the field's pointer and what to write. */
final class Inputs {
    private final ObjectNode node;
    private final String method;
    private final String base;

    Inputs(ObjectNode node, String method) {
        this(node, method, "");
    }

    private Inputs(ObjectNode node, String method, String base) {
        this.node = node == null ? JsonNodeFactory.instance.objectNode() : node;
        this.method = method;
        this.base = base;
    }

    /** The inputs of an element of a list input (a training stage), with pointers below it. */
    Inputs child(String pointer, JsonNode element) {
        if (!(element instanceof ObjectNode object)) {
            throw new EstimateException(base + pointer, "each entry of " + pointer.substring(1, pointer.lastIndexOf('/'))
                    + " must be a mapping", "Write it as {parameters: ..., tokens: ...}.");
        }
        return new Inputs(object, method, base + pointer);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    double positive(String field, String meaning) {
        return optionalPositive(field, meaning).orElseThrow(() -> new EstimateException(base,
                "missing input '" + field + "' for method " + method,
                "Add " + field + ": <" + meaning + "> to the inputs."));
    }

    Optional<Double> optionalPositive(String field, String meaning) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new EstimateException(base + "/" + field, "'" + field + "' must be a number (" + meaning + "), not '"
                    + value.asText() + "'", "Write a plain number such as 405e9.");
        }
        double d = value.doubleValue();
        if (!(d > 0) || !Double.isFinite(d)) {
            throw new EstimateException(base + "/" + field, "'" + field + "' must be greater than 0 (got " + value.asText() + ")",
                    "Give " + meaning + " as a positive number.");
        }
        return Optional.of(d);
    }

    String text(String field, String meaning) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new EstimateException(base, "missing input '" + field + "' for method " + method,
                    "Add " + field + ": <" + meaning + "> to the inputs.");
        }
        return value.asText().strip();
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    String pointer(String field) {
        return base + "/" + field;
    }
}
