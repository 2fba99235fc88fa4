package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The estimates of a model's training compute and the headline derived from them. */
public record TrainingCompute(List<Estimate> estimates, Double flop, Confidence confidence, Double log10Sd,
                              @JsonProperty("interval_90") List<Double> interval90, Double pAbove, Method method) {
    public TrainingCompute {
        estimates = estimates == null ? List.of() : List.copyOf(estimates);
        interval90 = interval90 == null ? List.of() : List.copyOf(interval90);
    }
}
