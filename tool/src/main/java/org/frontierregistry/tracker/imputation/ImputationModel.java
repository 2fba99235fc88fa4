package org.frontierregistry.tracker.imputation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Benchmark imputation as fitted on the training table: one robust (Huber) regression per set of scores
 * (up to {@link #MAX_SCORES}), each with or without the date as the leave-one-out median error decides,
 * ranked by that error. A model is imputed with the best-ranked fit whose scores it has. Leave-one-out
 * errors are exact: each row is predicted by a fit refitted without it.
 *
 * <p>The prediction variance of each fit is the larger of its residual variance and its leave-one-out
 * mean squared error, so a fit on a few rows that happen to lie close to a line cannot claim a tighter
 * interval than it achieves on rows it has not seen.
 */
public final class ImputationModel {
    public static final String DATA_DIR = "data/imputation";
    public static final String TRAINING_FILE = "training.csv";
    public static final String FIT_FILE = "fit.json";
    /** More scores per fit gave no better leave-one-out error on the 2026 table (see docs/methodology.md). */
    public static final int MAX_SCORES = 2;
    /** Residual degrees of freedom a fit must keep beyond its coefficients. */
    public static final int MIN_RESIDUAL_DF = 5;
    private static final String RESOURCE = "/org/frontierregistry/tracker/imputation/";

    /** A fitted form with its leave-one-out record on the training table. */
    public record Fitted(Form form, Regression regression, double looRmse, double looMedianAbsError) {
        public Regression.Prediction predict(LocalDate date, Map<String, Double> scores) {
            return regression.predict(form.features(date, scores));
        }
    }

    private static ImputationModel standard;

    private final List<Fitted> fits;
    private final int trainingRows;

    ImputationModel(List<Fitted> fits, int trainingRows) {
        this.fits = fits.stream().sorted(Comparator.comparingDouble(Fitted::looMedianAbsError).thenComparingDouble(Fitted::looRmse)
                .thenComparing(f -> f.form().name())).toList();
        this.trainingRows = trainingRows;
    }

    public List<Fitted> fits() {
        return fits;
    }

    public int trainingRows() {
        return trainingRows;
    }

    /** The best-ranked fit using only scores among {@code available}. */
    public Optional<Fitted> bestFor(Collection<String> available) {
        return fits.stream().filter(f -> available.containsAll(f.form().scoreKeys())).findFirst();
    }

    /** Fits every form the table supports and keeps, per set of scores, the form with the lower leave-one-out error. */
    public static ImputationModel fit(TrainingTable table) {
        List<Fitted> kept = new ArrayList<>();
        for (List<Predictor> scores : subsets()) {
            Fitted best = null;
            for (boolean date : new boolean[] {false, true}) {
                Optional<Fitted> fitted = fit(new Form(scores, date), table.rows());
                if (fitted.isPresent() && (best == null || fitted.get().looMedianAbsError() < best.looMedianAbsError())) {
                    best = fitted.get();
                }
            }
            if (best != null) {
                kept.add(best);
            }
        }
        return new ImputationModel(kept, table.rows().size());
    }

    /** Fits one form on the rows that have its scores; empty when too few rows have them or they are collinear. */
    public static Optional<Fitted> fit(Form form, List<TrainingRow> rows) {
        List<TrainingRow> usable = rows.stream().filter(r -> r.has(form.scores())).toList();
        if (usable.size() < form.coefficients() + MIN_RESIDUAL_DF) {
            return Optional.empty();
        }
        double[][] x = new double[usable.size()][];
        double[] y = new double[usable.size()];
        for (int i = 0; i < usable.size(); i++) {
            x[i] = form.features(usable.get(i).date(), usable.get(i).scores());
            y[i] = usable.get(i).log10Flop();
        }
        Regression regression;
        double[] loo = new double[y.length];
        try {
            regression = Regression.fitRobust(x, y);
            // Each held-out fit is its own robust regression (no shortcut exists for Huber's), so they run on every
            // core; each error lands at its row's index, so the result is the same whatever the order.
            java.util.stream.IntStream.range(0, y.length).parallel().forEach(held -> {
                double[][] xOthers = java.util.stream.IntStream.range(0, y.length).filter(j -> j != held).mapToObj(j -> x[j])
                        .toArray(double[][]::new);
                double[] yOthers = java.util.stream.IntStream.range(0, y.length).filter(j -> j != held).mapToDouble(j -> y[j]).toArray();
                loo[held] = y[held] - Regression.fitRobust(xOthers, yOthers).predict(x[held]).mean();
            });
        } catch (IllegalArgumentException collinear) {
            return Optional.empty();
        }
        double meanSquare = Arrays.stream(loo).map(e -> e * e).average().orElseThrow();
        double median = new Median().evaluate(Arrays.stream(loo).map(Math::abs).toArray());
        return Optional.of(new Fitted(form, regression.withPredictionVariance(meanSquare), Math.sqrt(meanSquare), median));
    }

    /** Every non-empty set of at most {@link #MAX_SCORES} predictors, in a fixed order. */
    static List<List<Predictor>> subsets() {
        List<List<Predictor>> out = new ArrayList<>();
        Predictor[] all = Predictor.values();
        for (int mask = 1; mask < (1 << all.length); mask++) {
            if (Integer.bitCount(mask) > MAX_SCORES) {
                continue;
            }
            List<Predictor> subset = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(all[i]);
                }
            }
            out.add(subset);
        }
        return out;
    }

    /** What was fitted, for people: one line per form, best first. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(fits.size() + " fits on " + trainingRows + " training rows, best first (leave-one-out median |error| and RMSE in log10):");
        for (Fitted f : fits) {
            lines.add(String.format(Locale.ROOT, "  %-56s n %3d  median %.3f  rmse %.3f", f.form().name(), f.regression().observations(),
                    f.looMedianAbsError(), f.looRmse()));
        }
        return lines;
    }

    /** The committed fit shipped with the tool (data/imputation/fit.json). */
    public static synchronized ImputationModel standard() {
        if (standard == null) {
            try (InputStream in = resource(FIT_FILE)) {
                standard = FitFile.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), DATA_DIR + "/" + FIT_FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** The committed training table shipped with the tool (data/imputation/training.csv). */
    public static TrainingTable standardTable() {
        try (InputStream in = resource(TRAINING_FILE)) {
            return TrainingTable.parse(new InputStreamReader(in, StandardCharsets.UTF_8), DATA_DIR + "/" + TRAINING_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ImputationModel.class.getResourceAsStream(RESOURCE + name);
        if (in == null) {
            throw new IllegalStateException(DATA_DIR + "/" + name + " is not in the tool; rebuild it with ./tracker (Maven copies data/imputation into the jar)");
        }
        return in;
    }
}
