package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code reported}: the figure the developer or a cited source states. */
public final class ReportedMethod {
    private ReportedMethod() {
    }

    public static MethodResult compute(ObjectNode inputs) {
        double flop = new Inputs(inputs, "reported").positive("reported_flop", "the stated FLOP");
        return MethodResult.of(flop, "reported_flop = " + Sci.input(flop));
    }
}
