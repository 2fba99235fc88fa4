package org.frontierregistry.tracker.scrape;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordEditor;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.YamlDocument;

/**
 * A stand-in for the estimation engine while it is not on main: the two direct methods the bot writes
 * (reported, and 6·N·D from parameters and tokens), one estimate per candidate, Epoch's confidence levels
 * as 90% factors (Confident 3x, Likely 10x, Speculative 30x) around a lognormal. Replace with the
 * engine's own ({@code EngineEstimates}) once it lands, so the validator and the bot agree by construction.
 */
public final class InterimEstimates implements CandidateEstimates {
    private static final double Z90 = 1.6448536269514722;
    private final RecordReader reader = new RecordReader();

    @Override
    public Result fill(String text, List<ModelRecord> context) {
        RecordReader.Result read = reader.parse(Path.of("candidate.yaml"), text.getBytes(StandardCharsets.UTF_8));
        if (!read.ok()) {
            return new Result(text, null, Status.UNCERTAIN, read.problems().get(0).message());
        }
        YamlDocument doc = read.document();
        JsonNode estimates = doc.root().path("training_compute").path("estimates");
        if (estimates.size() != 1) {
            return new Result(text, null, Status.UNCERTAIN, estimates.isEmpty() ? "no estimate" : "more than one estimate");
        }
        JsonNode estimate = estimates.get(0);
        JsonNode inputs = estimate.path("inputs");
        double flop;
        switch (estimate.path("method").asText()) {
            case "reported" -> flop = inputs.path("reported_flop").asDouble();
            case "parameters_tokens" -> flop = 6 * (inputs.has("active_parameters") ? inputs.path("active_parameters").asDouble()
                    : inputs.path("parameters").asDouble()) * inputs.path("tokens").asDouble();
            default -> {
                return new Result(text, null, Status.UNCERTAIN, "the interim estimator only computes reported and parameters_tokens");
            }
        }
        double factor = switch (estimate.path("confidence").asText()) {
            case "Confident" -> 3;
            case "Likely" -> 10;
            default -> 30;
        };
        double sd = Math.log10(factor) / Z90;
        double mean = Math.log10(flop);
        double p = 1 - new NormalDistribution(mean, sd).cumulativeProbability(25);
        double stored = Math.round(p * 1000) / 1000.0;
        Status status = p >= 0.95 ? Status.ABOVE : p >= 0.5 ? Status.LIKELY_ABOVE : p > 0.05 ? Status.LIKELY_BELOW : Status.BELOW;
        RecordEditor editor = RecordEditor.of(doc)
                .set("/training_compute/estimates/0/flop", round(flop))
                .set("/training_compute/flop", round(flop))
                .set("/training_compute/confidence", estimate.path("confidence").asText())
                .set("/training_compute/log10_sd", Math.round(sd * 1000) / 1000.0)
                .set("/training_compute/interval_90", List.of(round(Math.pow(10, mean - Z90 * sd)), round(Math.pow(10, mean + Z90 * sd))))
                .set("/training_compute/p_above", stored)
                .set("/training_compute/method", estimate.path("method").asText())
                .set("/status", status.key());
        return new Result(editor.text(), p, status, null);
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v));
    }
}
