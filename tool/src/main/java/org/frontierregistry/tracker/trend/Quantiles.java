package org.frontierregistry.tracker.trend;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/** The 5% and 95% points of simulated values: the ends of a 90% interval. */
record Quantiles(double low, double high) {
    /** For continuous values (rates, compute): linear interpolation between order statistics (R's type 7). */
    static Quantiles of(double[] values) {
        return of(values, EstimationType.R_7);
    }

    /** For counts: the inverse of the empirical distribution (R's type 1), so both ends are whole numbers. */
    static Quantiles ofCounts(double[] values) {
        return of(values, EstimationType.R_1);
    }

    private static Quantiles of(double[] values, EstimationType type) {
        Percentile percentile = new Percentile().withEstimationType(type);
        percentile.setData(values);
        return new Quantiles(percentile.evaluate(5), percentile.evaluate(95));
    }
}
