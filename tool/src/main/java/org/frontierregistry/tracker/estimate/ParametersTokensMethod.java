package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code parameters_tokens}: 6 FLOP per parameter per token (forward and backward pass), with the
 * active parameters for mixture-of-experts models, summed over training stages when several are given.
 */
public final class ParametersTokensMethod {
    public static final double FLOP_PER_PARAMETER_TOKEN = 6;

    private ParametersTokensMethod() {
    }

    public static MethodResult compute(ObjectNode node) {
        Inputs inputs = new Inputs(node, "parameters_tokens");
        if (inputs.has("stages")) {
            JsonNode stages = inputs.get("stages");
            if (!stages.isArray() || stages.isEmpty()) {
                throw new EstimateException("/stages", "'stages' must be a non-empty list",
                        "Write stages: [{name: pre-training, parameters: 405e9, tokens: 15.6e12}, ...].");
            }
            double total = 0;
            List<String> terms = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                Inputs stage = inputs.child("/stages/" + i, stages.get(i));
                Term term = term(stage);
                total += term.flop;
                terms.add(term.formula);
                String name = stage.optionalText("name").orElse("stage " + (i + 1));
                steps.add(name + ": " + term.formula + " = " + Sci.flop(term.flop));
            }
            return new MethodResult(total, String.join(" + ", terms), steps, null);
        }
        Term term = term(inputs);
        return MethodResult.of(term.flop, term.formula);
    }

    private static Term term(Inputs inputs) {
        double parameters = inputs.positive("parameters", "parameter count N");
        double tokens = inputs.positive("tokens", "training tokens D");
        var active = inputs.optionalPositive("active_parameters", "active parameters per token");
        if (active.isPresent() && active.get() > parameters) {
            throw new EstimateException(inputs.pointer("active_parameters"),
                    "active_parameters (" + Sci.input(active.get()) + ") exceeds parameters (" + Sci.input(parameters) + ")",
                    "Active parameters are the ones used per token, at most the total; check the two figures.");
        }
        double n = active.orElse(parameters);
        String formula = "6 × " + Sci.input(n) + (active.isPresent() ? " (active)" : "") + " × " + Sci.input(tokens);
        return new Term(FLOP_PER_PARAMETER_TOKEN * n * tokens, formula);
    }

    private record Term(double flop, String formula) {
    }
}
