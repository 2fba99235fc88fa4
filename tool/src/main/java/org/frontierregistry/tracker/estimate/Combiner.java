package org.frontierregistry.tracker.estimate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.frontierregistry.tracker.record.Method;

/**
 * Combines independent lognormal estimates by inverse-variance weighting in log10 space:
 * mean = Σ wᵢ·log10(flopᵢ) / Σ wᵢ with wᵢ = 1/sdᵢ², and sd = 1/√(Σ wᵢ).
 */
public final class Combiner {
    private Combiner() {
    }

    /** The headline, or null when there is no estimate. */
    public static Headline combine(List<EstimateResult> estimates) {
        if (estimates.isEmpty()) {
            return null;
        }
        double sumW = 0;
        double sumWx = 0;
        for (EstimateResult e : estimates) {
            double w = 1 / (e.log10Sd() * e.log10Sd());
            sumW += w;
            sumWx += w * e.log10();
        }
        double mean = sumWx / sumW;
        double sd = 1 / Math.sqrt(sumW);
        List<Double> weights = new ArrayList<>();
        Method heaviest = null;
        double most = -1;
        for (EstimateResult e : estimates) {
            double share = (1 / (e.log10Sd() * e.log10Sd())) / sumW;
            weights.add(share);
            if (share > most * (1 + 1e-12)) {
                most = share;
                heaviest = e.method();
            }
        }
        return new Headline(mean, sd, pAbove(mean, sd), Spreads.levelFor(sd), heaviest, weights);
    }

    /** P(X > 1e25) for log10 X ~ Normal(mean, sd). */
    public static double pAbove(double log10Mean, double log10Sd) {
        double z = (Headline.THRESHOLD_LOG10 - log10Mean) / log10Sd;
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }
}
