package org.frontierregistry.tracker.estimate;

import java.util.List;

/**
 * What one method computed from its inputs.
 *
 * @param flop     the result in FLOP (unrounded)
 * @param formula  the arithmetic with the inputs filled in, e.g. "6 × 405e9 × 15.6e12"
 * @param steps    further lines of working a reviewer may want (chip peak looked up, regression used)
 * @param minSd    a spread in log10 the result carries by construction (the regression's prediction
 *                 interval); null when only the confidence level sets the spread
 */
public record MethodResult(double flop, String formula, List<String> steps, Double minSd) {
    public MethodResult {
        steps = List.copyOf(steps);
    }

    public static MethodResult of(double flop, String formula) {
        return new MethodResult(flop, formula, List.of(), null);
    }
}
