package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.frontierregistry.tracker.imputation.ImputationModel;
import org.frontierregistry.tracker.imputation.Predictor;
import org.frontierregistry.tracker.imputation.Regression;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.validate.DidYouMean;

/**
 * {@code benchmark}: an outside source's imputed figure when given ({@code imputed_flop}), otherwise
 * the committed imputation fit (data/imputation/fit.json): the best-ranked fit whose scores the record
 * has (among the listed benchmarks, when a list is given). The fit never depends on other records.
 */
public final class BenchmarkMethod {
    private BenchmarkMethod() {
    }

    public static MethodResult compute(ObjectNode node, ModelRecord record, ImputationModel model) {
        Inputs inputs = new Inputs(node, "benchmark");
        var imputed = inputs.optionalPositive("imputed_flop", "the imputed FLOP");
        if (imputed.isPresent()) {
            String by = inputs.optionalText("imputed_by").orElse("an outside source");
            return new MethodResult(imputed.get(), "imputed_flop = " + Sci.input(imputed.get()),
                    List.of("imputed from benchmarks by " + by), null);
        }
        Map<String, Double> scores = record.benchmarks();
        List<String> listed = listed(inputs, scores);
        List<String> usable = (listed.isEmpty() ? List.copyOf(scores.keySet()) : listed).stream()
                .filter(b -> Predictor.byKey(b).isPresent()).toList();
        String learnsFrom = String.join(", ", Predictor.keys());
        if (usable.isEmpty()) {
            throw new EstimateException(listed.isEmpty() ? "" : "/benchmarks", (listed.isEmpty() ? "the record has" : "the list names")
                    + " no score the imputation learns from (" + learnsFrom + ")",
                    "Add one of them under benchmarks: (from Epoch AI's Benchmarking Hub, Artificial Analysis or LMArena), "
                            + "or give imputed_flop and imputed_by.");
        }
        if (record.publicationDate() == null) {
            throw new EstimateException("", "benchmark imputation needs the record's publication_date", "Add publication_date.");
        }
        ImputationModel.Fitted fitted = model.bestFor(usable).orElseThrow(() -> new EstimateException("/benchmarks",
                "no committed imputation fit uses only " + String.join(", ", usable) + " (too few training models have them)",
                "Add another score (" + learnsFrom + "), or give imputed_flop from an outside source."));
        Regression.Prediction p = fitted.predict(record.publicationDate(), scores);
        String scoresText = fitted.form().scoreKeys().stream().map(b -> b + " " + Sci.input(scores.get(b))).collect(Collectors.joining(", "));
        List<String> steps = List.of(
                "fit " + fitted.form().name() + " on " + fitted.regression().observations() + " models with known compute "
                        + "(data/imputation/fit.json; leave-one-out RMSE " + Sci.fixed(fitted.looRmse(), 3) + "): "
                        + fitted.form().formula(fitted.regression().coefficients()),
                "scores: " + scoresText + (fitted.form().date() ? "; published " + record.publicationDate() : ""),
                "prediction: log10 " + Sci.fixed(p.mean(), 3) + ", 90% prediction interval " + Sci.flop(Math.pow(10, p.low90()))
                        + " .. " + Sci.flop(Math.pow(10, p.high90())) + " (error sd " + Sci.fixed(Math.sqrt(fitted.regression().predictionVariance()), 3)
                        + ", " + fitted.regression().degreesOfFreedom() + " df, coefficient uncertainty included)");
        return new MethodResult(Math.pow(10, p.mean()), "10^" + Sci.fixed(p.mean(), 3) + " (imputation from " + fitted.form().name() + ")",
                steps, p.equivalentSd());
    }

    private static List<String> listed(Inputs inputs, Map<String, Double> scores) {
        JsonNode list = inputs.get("benchmarks");
        List<String> names = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return names;
        }
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i).asText();
            if (!scores.containsKey(name)) {
                throw new EstimateException("/benchmarks/" + i, "benchmark '" + name + "' has no score in the record's benchmarks",
                        DidYouMean.phrase(name, scores.keySet()) + "Add " + name + " under benchmarks: with its score, or remove it from this list.");
            }
            names.add(name);
        }
        return names;
    }
}
