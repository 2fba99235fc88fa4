package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.record.ModelRecord;

/** The working of an estimate, step by step, for people (text) and tools (JSON). */
public final class Working {
    private Working() {
    }

    /** The full working of a record. */
    public static List<String> text(RecordEstimate estimate) {
        ModelRecord record = estimate.record();
        List<String> lines = new ArrayList<>();
        lines.add(record.id() + ": " + record.name());
        lines.add("");
        List<EstimateResult> results = estimate.results();
        int total = record.trainingCompute() == null ? 0 : record.trainingCompute().estimates().size();
        if (total == 0) {
            lines.add("No estimates: add one under training_compute.estimates (see docs/methodology.md).");
        }
        for (int i = 0; i < total; i++) {
            int index = i;
            var result = results.stream().filter(r -> r.index() == index).findFirst();
            var failure = estimate.failures().stream().filter(f -> f.index() == index).findFirst();
            var e = record.trainingCompute().estimates().get(i);
            lines.add("Estimate " + (i + 1) + ": " + e.method().key() + " (" + e.confidence() + ")");
            lines.add("  inputs:  " + inputs(e.inputs()));
            if (result.isPresent()) {
                lines.addAll(estimateLines(result.get()));
            } else if (failure.isPresent()) {
                lines.add("  error:   " + failure.get().message());
                if (!failure.get().hint().isEmpty()) {
                    lines.add("  hint:    " + failure.get().hint());
                }
            }
            lines.add("");
        }
        lines.addAll(headlineLines(estimate.headline(), results));
        if (estimate.headline() != null || total > 0) {
            lines.add("");
        }
        String recorded = record.status() == null ? "missing" : record.status().key();
        if (estimate.statusOverridden() && record.status() != estimate.ruleStatus()) {
            lines.add("status: " + recorded + " (set by a verified reviewer; the rule would give " + estimate.ruleStatus().key()
                    + "): " + record.statusReasoning().strip());
        } else {
            lines.add("status: " + estimate.ruleStatus().key() + " (" + StatusRule.explain(estimate.ruleStatus()) + ")"
                    + (record.status() == estimate.ruleStatus() ? "" : "; the record says " + recorded));
        }
        List<Consistency.Mismatch> mismatches = Consistency.of(estimate);
        if (!mismatches.isEmpty() && estimate.ok()) {
            lines.add("");
            lines.add(mismatches.size() + " derived value" + (mismatches.size() == 1 ? " differs" : "s differ")
                    + " from the record; './tracker estimate --write " + record.id() + "' fills them in.");
        }
        return lines;
    }

    /** Inputs as a record writes them: {parameters: 405e9, tokens: 15.6e12}. */
    /** An estimate's inputs on one line, numbers as a person types them (405e9, 0.35). */
    public static String inputs(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null || node.isNull()) {
            return "{}";
        }
        if (node.isNumber()) {
            return Sci.input(node.doubleValue());
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(inputs(item)));
            return "[" + String.join(", ", items) + "]";
        }
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            node.fields().forEachRemaining(f -> fields.add(f.getKey() + ": " + inputs(f.getValue())));
            return "{" + String.join(", ", fields) + "}";
        }
        return node.asText();
    }

    static List<String> estimateLines(EstimateResult r) {
        List<String> lines = new ArrayList<>();
        lines.add("  formula: " + r.result().formula());
        for (String step : r.result().steps()) {
            lines.add("           " + step);
        }
        String recorded = r.recorded() == null ? "not recorded"
                : Consistency.close(r.recorded(), r.flop()) ? "recorded " + Sci.scientific(r.recorded()) + ", agrees"
                : "recorded " + Sci.scientific(r.recorded()) + ", DIFFERS by more than 1%";
        lines.add("  result:  " + Sci.flop(r.flop()) + " FLOP (log10 " + Sci.fixed(r.log10(), 3) + "; " + recorded + ")");
        String spread = r.result().minSd() != null && r.log10Sd() > Spreads.log10Sd(r.confidence())
                ? "the regression's prediction interval, wider than " + r.confidence() + "'s " + Sci.fixed(Spreads.log10Sd(r.confidence()), 3)
                : r.confidence() + ": within " + Sci.input(Spreads.factor(r.confidence())) + "x at 90%";
        lines.add("  spread:  log10 sd " + Sci.fixed(r.log10Sd(), 3) + " (" + spread + ")");
        return lines;
    }

    static List<String> headlineLines(Headline h, List<EstimateResult> results) {
        List<String> lines = new ArrayList<>();
        if (h == null) {
            return lines;
        }
        lines.add("Combined by inverse-variance weights in log10 space (weight = 1/sd²; estimates sharing evidence count as one witness):");
        for (int i = 0; i < results.size(); i++) {
            EstimateResult r = results.get(i);
            lines.add(String.format(java.util.Locale.ROOT, "  %d. %-18s log10 %s  sd %s  weight %5.1f%%", r.index() + 1,
                    r.method().key(), Sci.fixed(r.log10(), 3), Sci.fixed(r.log10Sd(), 3), 100 * h.weights().get(i)));
        }
        lines.addAll(groupLines(h, results));
        lines.add("  headline:     10^" + Sci.fixed(h.log10Mean(), 3) + " = " + Sci.flop(h.flop()) + " FLOP, log10 sd "
                + Sci.fixed(h.log10Sd(), 3) + " (" + h.confidence() + "), method " + h.method().key());
        lines.add("  90% interval: " + Sci.flop(h.low90()) + " .. " + Sci.flop(h.high90()) + " FLOP");
        lines.add("  p_above:      P(flop > 1e25) = Φ((" + Sci.fixed(h.log10Mean(), 3) + " − 25) / " + Sci.fixed(h.log10Sd(), 3)
                + ") = " + Sci.fixed(StatusRule.storedProbability(h.pAbove()), 3));
        return lines;
    }

    /** One line per group of estimates that share evidence, saying what they share. */
    static List<String> groupLines(Headline h, List<EstimateResult> results) {
        List<String> lines = new ArrayList<>();
        for (int g = 0; g < results.size(); g++) {
            List<EstimateResult> members = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (h.groups().get(i) == g) {
                    members.add(results.get(i));
                }
            }
            if (members.size() < 2) {
                continue;
            }
            java.util.Set<String> shared = new java.util.TreeSet<>();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    java.util.Set<String> both = new java.util.TreeSet<>(members.get(i).evidence());
                    both.retainAll(members.get(j).evidence());
                    shared.addAll(both);
                }
            }
            lines.add("  estimates " + String.join(", ", members.stream().map(r -> String.valueOf(r.index() + 1)).toList())
                    + " share " + String.join(", ", shared) + ": one witness, as sure as the surest of them");
        }
        return lines;
    }

    /** {"id","flop","log10_sd","interval_90":[lo,hi],"p_above","status","estimates":[…]} */
    public static ObjectNode json(RecordEstimate estimate) {
        ObjectNode root = headlineJson(estimate.record().id(), estimate.headline(), estimate.results(), estimate.expectedStatus().key());
        ArrayNode failures = root.putArray("errors");
        for (EstimateFailure f : estimate.failures()) {
            ObjectNode node = failures.addObject();
            node.put("estimate", f.index() + 1);
            node.put("pointer", f.pointer());
            node.put("message", f.message());
            node.put("hint", f.hint());
        }
        return root;
    }

    public static ObjectNode headlineJson(String id, Headline h, List<EstimateResult> results, String status) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (id == null) {
            root.putNull("id");
        } else {
            root.put("id", id);
        }
        if (h == null) {
            root.putNull("flop");
            root.putNull("log10_sd");
            root.putNull("interval_90");
            root.putNull("p_above");
        } else {
            root.put("flop", Sci.full(h.flop()));
            root.put("log10_mean", Sci.full(h.log10Mean()));
            root.put("log10_sd", Sci.full(h.log10Sd()));
            ArrayNode interval = root.putArray("interval_90");
            interval.add(Sci.full(h.low90()));
            interval.add(Sci.full(h.high90()));
            root.put("p_above", Sci.full(h.pAbove()));
            root.put("confidence", h.confidence().name());
            root.put("method", h.method().key());
        }
        root.put("status", status);
        ArrayNode estimates = root.putArray("estimates");
        for (int i = 0; i < results.size(); i++) {
            EstimateResult r = results.get(i);
            ObjectNode node = estimates.addObject();
            node.put("index", r.index() + 1);
            node.put("method", r.method().key());
            node.put("confidence", r.confidence().name());
            node.put("flop", Sci.full(r.flop()));
            node.put("log10_sd", Sci.full(r.log10Sd()));
            node.put("formula", r.result().formula());
            ArrayNode steps = node.putArray("steps");
            r.result().steps().forEach(steps::add);
            if (h != null) {
                node.put("weight", Sci.full(h.weights().get(i)));
                node.put("group", h.groups().get(i) + 1);
            }
        }
        return root;
    }
}
