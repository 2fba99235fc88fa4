package org.frontierregistry.tracker.imputation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A score the imputation can learn from, named by its key in a record's {@code benchmarks:} mapping,
 * and how it enters the regression. Percentages enter as logits (accuracy saturates near 0 and 100%,
 * and scaling studies fit it as a sigmoid of log-compute); the index scores and the Arena score are
 * already on roughly linear scales and are only shifted and scaled so coefficients read easily.
 */
public enum Predictor {
    EPOCH_CAPABILITIES_INDEX("epoch_capabilities_index", "(epoch_capabilities_index−100)/10", score -> (score - 100) / 10),
    AA_INTELLIGENCE_INDEX("aa_intelligence_index", "aa_intelligence_index/10", score -> score / 10),
    MMLU_PRO("mmlu_pro", "logit(mmlu_pro)", Predictor::logit),
    GPQA_DIAMOND("gpqa_diamond", "logit(gpqa_diamond)", Predictor::logit),
    HLE("hle", "logit(hle)", Predictor::logit),
    LMARENA_TEXT("lmarena_text", "(lmarena_text−1000)/100", score -> (score - 1000) / 100);

    private final String key;
    private final String term;
    private final DoubleUnaryOperator feature;

    Predictor(String key, String term, DoubleUnaryOperator feature) {
        this.key = key;
        this.term = term;
        this.feature = feature;
    }

    /** The benchmark key in records and in the training table. */
    public String key() {
        return key;
    }

    /** How the score appears in a fitted formula, e.g. "logit(gpqa_diamond)". */
    public String term() {
        return term;
    }

    /** The value the regression sees for a score. */
    public double feature(double score) {
        return feature.applyAsDouble(score);
    }

    public static Optional<Predictor> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Predictor::key).toList();
    }

    /** log(p / (1 − p)) of a percentage, clipped to [0.5%, 99.5%] so that 0 and 100 stay finite. */
    static double logit(double percent) {
        double p = Math.min(0.995, Math.max(0.005, percent / 100));
        return Math.log(p / (1 - p));
    }
}
