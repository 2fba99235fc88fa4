package org.frontierregistry.tracker.estimate;

import java.util.Set;
import java.util.TreeSet;
import org.frontierregistry.tracker.record.Confidence;
import org.frontierregistry.tracker.record.Method;

/**
 * One estimate of a record, recomputed.
 *
 * @param index    position in the record's {@code training_compute.estimates} (0-based)
 * @param recorded the flop written in the record, or null
 * @param log10Sd  the spread used when combining: the confidence level's, or wider if the method says so
 * @param evidence what the estimate rests on ({@link Evidence}): estimates sharing any item are not
 *                 independent and are combined as one witness
 */
public record EstimateResult(int index, Method method, Confidence confidence, MethodResult result, double log10Sd,
                             Double recorded, Set<String> evidence) {
    public EstimateResult {
        evidence = new TreeSet<>(evidence);
    }

    /** An estimate that shares nothing with any other (a quick estimate, a test). */
    public EstimateResult(int index, Method method, Confidence confidence, MethodResult result, double log10Sd, Double recorded) {
        this(index, method, confidence, result, log10Sd, recorded, Set.of());
    }

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
