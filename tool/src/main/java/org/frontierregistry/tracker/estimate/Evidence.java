package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.Scientific;

/**
 * What an estimate rests on, as items two estimates can share: each source it cites ("source:llama3-paper"),
 * each number among its inputs ("input:tokens=15.6e12", also inside stages; not a comparison's ratio), the record a comparison
 * refers to, who imputed a figure, and the record's own benchmark scores for the tool's regression.
 * Estimates sharing an item are not two independent witnesses (the same report, the same token count),
 * so the combiner counts them as one.
 */
public final class Evidence {
    private Evidence() {
    }

    public static Set<String> of(Estimate estimate) {
        Set<String> items = new TreeSet<>();
        estimate.sources().forEach(s -> items.add("source:" + s));
        JsonNode inputs = estimate.inputs();
        if (inputs != null) {
            numbers(inputs, items);
            if (estimate.method() == Method.COMPARISON && inputs.path("reference").isTextual()) {
                items.add("reference:" + inputs.get("reference").asText());
            }
            if (estimate.method() == Method.BENCHMARK) {
                items.add(inputs.path("imputed_flop").isNumber() ? "imputed_by:" + inputs.path("imputed_by").asText("")
                        : "benchmark scores of the record");
            }
        }
        return items;
    }

    private static void numbers(JsonNode node, Set<String> items) {
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNumber() && !field.getKey().equals("ratio")) { // equal ratios to different records are a coincidence
                items.add("input:" + field.getKey() + "=" + Scientific.of(value.doubleValue()));
            } else if (value.isArray()) {
                value.forEach(item -> {
                    if (item.isObject()) {
                        numbers(item, items);
                    }
                });
            }
        });
    }
}
