package org.frontierregistry.tracker.estimate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imputes log10(training compute) from benchmark scores and the publication date, by a linear
 * regression fitted on the records whose compute is known by other methods (never on the record
 * being imputed). Percent scores enter as logits (scores saturate near 0 and 100, and scaling
 * studies fit them as sigmoids of log-compute); the LMArena score enters as (Elo − 1000) / 100;
 * the date as years since 2020, because the compute needed for a given score falls every year.
 * A record missing some benchmarks is imputed from the subset it has: the fit uses only the records
 * that share that subset.
 */
public final class BenchmarkImputer {
    /** Residual degrees of freedom a fit must keep, so that its prediction interval means something. */
    public static final int MIN_RESIDUAL_DF = 3;
    static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    static final String ELO_BENCHMARK = "lmarena_text";

    private final List<Observation> observations;

    /** A record with known compute: the training data. */
    public record Observation(String id, LocalDate date, Map<String, Double> scores, double log10Flop) {
        public Observation {
            scores = Map.copyOf(scores);
        }
    }

    /** An imputation: the benchmarks used, the fit and the prediction for the record. */
    public record Imputation(List<String> benchmarks, Regression fit, Regression.Prediction prediction) {
        public Imputation {
            benchmarks = List.copyOf(benchmarks);
        }
    }

    public BenchmarkImputer(List<Observation> observations) {
        this.observations = observations.stream().sorted(Comparator.comparing(Observation::id)).toList();
    }

    public List<Observation> observations() {
        return observations;
    }

    /** Observations usable for a record: every other record that has all the given benchmarks. */
    public List<Observation> trainingFor(String excludeId, List<String> benchmarks) {
        return observations.stream()
                .filter(o -> !o.id().equals(excludeId))
                .filter(o -> o.scores().keySet().containsAll(benchmarks))
                .toList();
    }

    public static int minimumObservations(int benchmarkCount) {
        return benchmarkCount + 2 + MIN_RESIDUAL_DF;
    }

    /**
     * The largest subset of the record's benchmarks the data supports, chosen greedily from the best
     * covered (most records with known compute have it; ties by name); empty when not even one works.
     */
    public List<String> choose(String excludeId, Map<String, Double> scores) {
        List<String> candidates = new ArrayList<>(scores.keySet());
        candidates.sort(Comparator.comparingInt((String b) -> -trainingFor(excludeId, List.of(b)).size())
                .thenComparing(Comparator.naturalOrder()));
        List<String> chosen = new ArrayList<>();
        for (String b : candidates) {
            List<String> trial = new ArrayList<>(chosen);
            trial.add(b);
            if (trainingFor(excludeId, trial).size() >= minimumObservations(trial.size())) {
                chosen = trial;
            }
        }
        chosen.sort(Comparator.naturalOrder());
        return chosen;
    }

    /** Fits on the other records sharing {@code benchmarks} and predicts this record, or empty if too few records. */
    public Optional<Imputation> impute(String excludeId, LocalDate date, Map<String, Double> scores, List<String> benchmarks) {
        List<String> names = benchmarks.stream().sorted().toList();
        List<Observation> training = trainingFor(excludeId, names);
        if (training.size() < minimumObservations(names.size())) {
            return Optional.empty();
        }
        double[][] x = new double[training.size()][];
        double[] y = new double[training.size()];
        for (int i = 0; i < training.size(); i++) {
            x[i] = features(names, training.get(i).date(), training.get(i).scores());
            y[i] = training.get(i).log10Flop();
        }
        Regression fit = Regression.fit(x, y);
        return Optional.of(new Imputation(names, fit, fit.predict(features(names, date, scores))));
    }

    static double[] features(List<String> benchmarks, LocalDate date, Map<String, Double> scores) {
        double[] row = new double[benchmarks.size() + 1];
        row[0] = years(date);
        for (int i = 0; i < benchmarks.size(); i++) {
            row[i + 1] = feature(benchmarks.get(i), scores.get(benchmarks.get(i)));
        }
        return row;
    }

    static double years(LocalDate date) {
        return ChronoUnit.DAYS.between(EPOCH, date) / 365.25;
    }

    /** How a score enters the regression. */
    public static double feature(String benchmark, double score) {
        if (ELO_BENCHMARK.equals(benchmark)) {
            return (score - 1000) / 100;
        }
        double p = Math.min(0.995, Math.max(0.005, score / 100));
        return Math.log(p / (1 - p));
    }
}
