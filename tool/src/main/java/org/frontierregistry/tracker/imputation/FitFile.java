package org.frontierregistry.tracker.imputation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.record.RecordTrees;

/**
 * data/imputation/fit.json: every fitted form with what a prediction interval needs (coefficients,
 * (XᵀX)⁻¹, variances, observations) at full double precision, so estimation never refits.
 */
public final class FitFile {
    private FitFile() {
    }

    public static String write(ImputationModel model) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("about", "Benchmark imputation fits, written by 'tracker imputation build' or 'tracker imputation fit'"
                + " from data/imputation/training.csv; see docs/methodology.md#benchmark-imputation. Do not edit by hand.");
        root.put("training_rows", model.trainingRows());
        ArrayNode fits = root.putArray("fits");
        for (ImputationModel.Fitted f : model.fits()) {
            ObjectNode node = fits.addObject();
            node.put("form", f.form().name());
            ArrayNode scores = node.putArray("scores");
            f.form().scoreKeys().forEach(scores::add);
            node.put("date", f.form().date());
            node.put("formula", f.form().formula(f.regression().coefficients()));
            node.put("n", f.regression().observations());
            node.put("loo_rmse", f.looRmse());
            node.put("loo_median_abs_error", f.looMedianAbsError());
            node.put("residual_variance", f.regression().residualVariance());
            node.put("prediction_variance", f.regression().predictionVariance());
            ArrayNode beta = node.putArray("coefficients");
            for (double b : f.regression().coefficients()) {
                beta.add(b);
            }
            ArrayNode inverse = node.putArray("xtx_inverse");
            for (double[] row : f.regression().xtxInverse()) {
                ArrayNode r = inverse.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException naming the file and the fit that is malformed */
    public static ImputationModel read(String text, String origin) {
        JsonNode root;
        try {
            root = RecordTrees.readObject(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + " is not valid JSON (" + e.getOriginalMessage() + "); regenerate it with: tracker imputation fit");
        }
        List<ImputationModel.Fitted> fits = new ArrayList<>();
        int i = 0;
        for (JsonNode node : root.path("fits")) {
            String where = origin + ": fits[" + i++ + "]";
            List<Predictor> scores = new ArrayList<>();
            for (JsonNode s : node.path("scores")) {
                scores.add(Predictor.byKey(s.asText()).orElseThrow(() -> new IllegalArgumentException(where + ": unknown score '"
                        + s.asText() + "'; regenerate the file with: tracker imputation fit")));
            }
            Form form = new Form(scores, node.path("date").asBoolean());
            double[] beta = numbers(node.path("coefficients"));
            double[][] inverse = new double[beta.length][];
            for (int r = 0; r < beta.length; r++) {
                inverse[r] = numbers(node.path("xtx_inverse").path(r));
            }
            if (beta.length != form.coefficients() || java.util.Arrays.stream(inverse).anyMatch(row -> row.length != beta.length)) {
                throw new IllegalArgumentException(where + ": coefficients do not match the form '" + form.name()
                        + "'; regenerate the file with: tracker imputation fit");
            }
            Regression regression = new Regression(beta, inverse, node.path("residual_variance").asDouble(),
                    node.path("prediction_variance").asDouble(), node.path("n").asInt());
            fits.add(new ImputationModel.Fitted(form, regression, node.path("loo_rmse").asDouble(), node.path("loo_median_abs_error").asDouble()));
        }
        return new ImputationModel(fits, root.path("training_rows").asInt());
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
