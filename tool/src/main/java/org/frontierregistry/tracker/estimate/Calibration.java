package org.frontierregistry.tracker.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Leave-one-out check of benchmark imputation: each record with compute known by direct methods and
 * at least one benchmark is imputed from all the others (with the subset of its benchmarks the data
 * supports) and compared with its known compute.
 */
public final class Calibration {
    public static final double TARGET_MEDIAN_ERROR = 0.25;
    public static final double TARGET_COVERAGE = 0.85;

    private Calibration() {
    }

    /** One held-out record: its known log10 compute and what the others predict for it. */
    public record Row(String id, List<String> benchmarks, double known, double predicted, double low90, double high90) {
        public double absError() {
            return Math.abs(predicted - known);
        }

        public boolean covered() {
            return known >= low90 && known <= high90;
        }
    }

    /**
     * @param skipped records with benchmarks and known compute that could not be imputed (too few
     *                others share a benchmark with them)
     */
    public record Result(List<Row> rows, List<String> skipped) {
        public int n() {
            return rows.size();
        }

        /** Median |log10 error|, or NaN when nothing could be imputed. */
        public double medianAbsLog10Error() {
            return rows.isEmpty() ? Double.NaN : new Median().evaluate(rows.stream().mapToDouble(Row::absError).toArray());
        }

        /** Share of known values inside their 90% prediction interval, or NaN. */
        public double coverage90() {
            return rows.isEmpty() ? Double.NaN : rows.stream().filter(Row::covered).count() / (double) rows.size();
        }
    }

    public static Result leaveOneOut(BenchmarkImputer imputer) {
        List<Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (BenchmarkImputer.Observation o : imputer.observations()) {
            List<String> chosen = imputer.choose(o.id(), o.scores());
            Optional<BenchmarkImputer.Imputation> imputation;
            try {
                imputation = chosen.isEmpty() ? Optional.empty() : imputer.impute(o.id(), o.date(), o.scores(), chosen);
            } catch (IllegalArgumentException collinear) {
                imputation = Optional.empty();
            }
            if (imputation.isEmpty()) {
                skipped.add(o.id());
                continue;
            }
            Regression.Prediction p = imputation.get().prediction();
            rows.add(new Row(o.id(), imputation.get().benchmarks(), o.log10Flop(), p.mean(), p.low90(), p.high90()));
        }
        return new Result(rows, skipped);
    }
}
