package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One estimate of training compute: the method, its structured inputs, the result and the reasoning. */
public record Estimate(Method method, Double flop, Confidence confidence, ObjectNode inputs, String reasoning,
                       List<String> sources) {
    public Estimate {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
