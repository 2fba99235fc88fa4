package org.frontierregistry.tracker.estimate;

import org.frontierregistry.tracker.record.Confidence;
import org.frontierregistry.tracker.record.Method;

/**
 * One estimate of a record, recomputed.
 *
 * @param index    position in the record's {@code training_compute.estimates} (0-based)
 * @param recorded the flop written in the record, or null
 * @param log10Sd  the spread used when combining: the confidence level's, or wider if the method says so
 */
public record EstimateResult(int index, Method method, Confidence confidence, MethodResult result, double log10Sd,
                             Double recorded) {
    public double flop() {
        return result.flop();
    }

    public double log10() {
        return Math.log10(result.flop());
    }

    public String pointer() {
        return "/training_compute/estimates/" + index;
    }
}
