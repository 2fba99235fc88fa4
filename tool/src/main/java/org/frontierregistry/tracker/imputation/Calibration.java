package org.frontierregistry.tracker.imputation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Leave-one-out check of benchmark imputation on the training table: each model is held out, the form
 * the committed fit would use for it is refitted on all the other rows, and the held-out model is
 * predicted. The form ranking itself was chosen on all rows; everything else is out of sample.
 */
public final class Calibration {
    public static final double TARGET_MEDIAN_ERROR = 0.30;
    public static final double GOAL_MEDIAN_ERROR = 0.25;
    public static final double TARGET_COVERAGE_LOW = 0.85;
    public static final double TARGET_COVERAGE_HIGH = 0.95;
    /** log10 of the 1e25 FLOP line. */
    static final double THRESHOLD = 25;

    private Calibration() {
    }

    /** One held-out model: its known log10 compute and what the others predict for it. */
    public record Row(String key, String name, int year, String form, double known, double predicted, double low90, double high90,
                      double sd) {
        public double absError() {
            return Math.abs(predicted - known);
        }

        public boolean covered() {
            return known >= low90 && known <= high90;
        }

        /** P(compute > 1e25) under the prediction's normal equivalent. */
        public double pAbove() {
            return 1 - new NormalDistribution(null, predicted, sd).cumulativeProbability(THRESHOLD);
        }
    }

    /** n, median |log10 error| and the share of known values inside their 90% intervals. */
    public record Summary(int n, double medianAbsLog10Error, double coverage90) {
        static Summary of(List<Row> rows) {
            if (rows.isEmpty()) {
                return new Summary(0, Double.NaN, Double.NaN);
            }
            return new Summary(rows.size(), new Median().evaluate(rows.stream().mapToDouble(Row::absError).toArray()),
                    rows.stream().filter(Row::covered).count() / (double) rows.size());
        }
    }

    /**
     * Models with known compute between 1e24 and 1e26: how often the imputation puts them on the same
     * side of 1e25 as Epoch AI's figure, over all of them and over those it is sure about (p_above ≥ 0.95
     * or ≤ 0.05, i.e. outside the uncertain band of statuses likely_above and likely_below).
     */
    public record Classification(int n, int sameSide, int outsideBand, int outsideBandSameSide) {
        public double share() {
            return n == 0 ? Double.NaN : sameSide / (double) n;
        }

        public double shareOutsideBand() {
            return outsideBand == 0 ? Double.NaN : outsideBandSameSide / (double) outsideBand;
        }
    }

    /** @param skipped keys of training rows no committed fit can impute (their scores support no form) */
    public record Result(List<Row> rows, List<String> skipped) {
        public Summary overall() {
            return Summary.of(rows);
        }

        public Map<String, Summary> byForm() {
            return grouped(Row::form);
        }

        public Map<String, Summary> byYear() {
            return grouped(r -> String.valueOf(r.year()));
        }

        private Map<String, Summary> grouped(Function<Row, String> key) {
            Map<String, List<Row>> groups = new TreeMap<>();
            rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
            Map<String, Summary> out = new TreeMap<>();
            groups.forEach((k, v) -> out.put(k, Summary.of(v)));
            return out;
        }

        public Classification classification() {
            int n = 0;
            int same = 0;
            int sure = 0;
            int sureSame = 0;
            for (Row r : rows) {
                if (r.known() < THRESHOLD - 1 || r.known() > THRESHOLD + 1) {
                    continue;
                }
                n++;
                boolean right = (r.predicted() >= THRESHOLD) == (r.known() >= THRESHOLD);
                same += right ? 1 : 0;
                double p = r.pAbove();
                if (p >= 0.95 || p <= 0.05) {
                    sure++;
                    sureSame += right ? 1 : 0;
                }
            }
            return new Classification(n, same, sure, sureSame);
        }
    }

    public static Result leaveOneOut(ImputationModel model, TrainingTable table) {
        List<Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (TrainingRow held : table.rows()) {
            Optional<ImputationModel.Fitted> chosen = model.bestFor(held.scores().keySet());
            List<TrainingRow> others = table.rows().stream().filter(r -> r != held).toList();
            Optional<ImputationModel.Fitted> refit = chosen.flatMap(c -> ImputationModel.fit(c.form(), others));
            if (refit.isEmpty()) {
                skipped.add(held.key());
                continue;
            }
            Regression.Prediction p = refit.get().predict(held.date(), held.scores());
            rows.add(new Row(held.key(), held.name(), held.date().getYear(), refit.get().form().name(), held.log10Flop(), p.mean(),
                    p.low90(), p.high90(), p.equivalentSd()));
        }
        return new Result(rows, skipped);
    }
}
