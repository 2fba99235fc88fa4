package org.frontierregistry.tracker.estimate;

import java.util.List;
import org.frontierregistry.tracker.record.Confidence;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.Status;

/**
 * The combined estimate of a record's training compute: a lognormal with mean {@code log10Mean} and
 * standard deviation {@code log10Sd} in log10(FLOP).
 *
 * @param weights each estimate's share of the combination, in the order of the estimates combined
 * @param groups  each estimate's group: estimates in one group share evidence and count as one witness
 */
public record Headline(double log10Mean, double log10Sd, double pAbove, Confidence confidence, Method method,
                       List<Double> weights, List<Integer> groups) {
    public static final double THRESHOLD_LOG10 = 25;

    public Headline {
        weights = List.copyOf(weights);
        groups = List.copyOf(groups);
    }

    public double flop() {
        return Math.pow(10, log10Mean);
    }

    public double low90() {
        return Math.pow(10, log10Mean - Spreads.Z90 * log10Sd);
    }

    public double high90() {
        return Math.pow(10, log10Mean + Spreads.Z90 * log10Sd);
    }

    public Status status() {
        return StatusRule.of(pAbove);
    }
}
