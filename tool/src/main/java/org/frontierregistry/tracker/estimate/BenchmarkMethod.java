package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.validate.DidYouMean;

/**
 * {@code benchmark}: an outside source's imputed figure when given ({@code imputed_flop}), otherwise
 * the tool's regression on the listed benchmarks (or, with no list, the best subset of the record's
 * benchmarks the data supports).
 */
public final class BenchmarkMethod {
    private BenchmarkMethod() {
    }

    public static MethodResult compute(ObjectNode node, ModelRecord record, BenchmarkImputer imputer) {
        Inputs inputs = new Inputs(node, "benchmark");
        var imputed = inputs.optionalPositive("imputed_flop", "the imputed FLOP");
        if (imputed.isPresent()) {
            String by = inputs.optionalText("imputed_by").orElse("an outside source");
            return new MethodResult(imputed.get(), "imputed_flop = " + Sci.input(imputed.get()),
                    List.of("imputed from benchmarks by " + by), null);
        }
        Map<String, Double> scores = record.benchmarks();
        List<String> listed = listed(inputs, scores);
        if (scores.isEmpty()) {
            throw new EstimateException("", "the record has no benchmark scores to impute from",
                    "Add benchmarks: {mmlu: ..., gpqa_diamond: ...} to the record, or give imputed_flop and imputed_by.");
        }
        if (record.publicationDate() == null) {
            throw new EstimateException("", "benchmark imputation needs the record's publication_date", "Add publication_date.");
        }
        List<String> used = listed.isEmpty() ? imputer.choose(record.id(), scores) : listed;
        if (used.isEmpty()) {
            throw new EstimateException("", "too few records with known compute share a benchmark with this one "
                    + "(each needs at least " + BenchmarkImputer.minimumObservations(1) + ")",
                    "Give imputed_flop from an outside source (e.g. Epoch AI), or use another method.");
        }
        var imputation = imputer.impute(record.id(), record.publicationDate(), scores, used).orElseThrow(() ->
                new EstimateException("/benchmarks", "only " + imputer.trainingFor(record.id(), used).size()
                        + " records with known compute have scores for " + String.join(", ", used)
                        + " (need at least " + BenchmarkImputer.minimumObservations(used.size()) + ")",
                        "List fewer benchmarks (or none, to let the tool choose), or give imputed_flop from an outside source."));
        Regression.Prediction p = imputation.prediction();
        double[] beta = imputation.fit().coefficients();
        List<String> terms = new ArrayList<>();
        terms.add(Sci.fixed(beta[0], 3));
        terms.add(Sci.fixed(beta[1], 3) + "·years_since_2020");
        for (int i = 0; i < imputation.benchmarks().size(); i++) {
            String b = imputation.benchmarks().get(i);
            terms.add(Sci.fixed(beta[i + 2], 3) + "·" + (BenchmarkImputer.ELO_BENCHMARK.equals(b) ? "(" + b + "−1000)/100" : "logit(" + b + ")"));
        }
        String scoresText = imputation.benchmarks().stream().map(b -> b + " " + Sci.input(scores.get(b))).collect(Collectors.joining(", "));
        List<String> steps = List.of(
                "fit on " + imputation.fit().observations() + " records with known compute: log10(FLOP) = "
                        + String.join(" + ", terms).replace("+ -", "− "),
                "scores: " + scoresText + "; published " + record.publicationDate(),
                "prediction: log10 " + Sci.fixed(p.mean(), 3) + ", 90% prediction interval " + Sci.flop(Math.pow(10, p.low90()))
                        + " .. " + Sci.flop(Math.pow(10, p.high90())) + " (residual sd " + Sci.fixed(imputation.fit().residualSd(), 3)
                        + ", " + imputation.fit().degreesOfFreedom() + " df)");
        return new MethodResult(Math.pow(10, p.mean()), "10^" + Sci.fixed(p.mean(), 3) + " (regression on " + String.join(", ", imputation.benchmarks()) + ")",
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
