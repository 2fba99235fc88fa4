package org.frontierregistry.tracker.imputation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One candidate model form: log10(FLOP) = b₀ [+ b₁·years since 2020] + Σ bⱼ·feature(scoreⱼ).
 *
 * @param scores the scores it needs, in {@link Predictor} order
 * @param date   whether the publication date is a term
 */
public record Form(List<Predictor> scores, boolean date) {
    static final LocalDate ORIGIN = LocalDate.of(2020, 1, 1);

    public Form {
        scores = scores.stream().sorted().toList();
    }

    /** "epoch_capabilities_index + hle + date", the name used in fit.json and calibration output. */
    public String name() {
        List<String> parts = new ArrayList<>(scores.stream().map(Predictor::key).toList());
        if (date) {
            parts.add("date");
        }
        return String.join(" + ", parts);
    }

    public List<String> scoreKeys() {
        return scores.stream().map(Predictor::key).toList();
    }

    public int coefficients() {
        return 1 + (date ? 1 : 0) + scores.size();
    }

    /** The predictor values of a model (without the intercept). */
    public double[] features(LocalDate published, Map<String, Double> values) {
        double[] row = new double[coefficients() - 1];
        int i = 0;
        if (date) {
            row[i++] = years(published);
        }
        for (Predictor p : scores) {
            row[i++] = p.feature(values.get(p.key()));
        }
        return row;
    }

    /** Years since 2020-01-01. */
    public static double years(LocalDate date) {
        return ChronoUnit.DAYS.between(ORIGIN, date) / 365.25;
    }

    /** The fitted formula for people: "log10(FLOP) = 21.400 + 0.300·years_since_2020 + 1.2·logit(hle)". */
    public String formula(double[] beta) {
        List<String> terms = new ArrayList<>();
        terms.add(fixed(beta[0]));
        int i = 1;
        if (date) {
            terms.add(fixed(beta[i++]) + "·years_since_2020");
        }
        for (Predictor p : scores) {
            terms.add(fixed(beta[i++]) + "·" + p.term());
        }
        return "log10(FLOP) = " + terms.stream().collect(Collectors.joining(" + ")).replace("+ -", "− ");
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
