package org.frontierregistry.tracker.estimate;

import org.frontierregistry.tracker.record.Confidence;

/**
 * Epoch AI's confidence levels as lognormal spreads. Epoch describes Confident, Likely and
 * Speculative estimates as good to within about 3x, 10x and 30x; we read "within a factor f" as the
 * 90% interval, so the standard deviation of log10(FLOP) is log10(f) / z(0.95).
 */
public final class Spreads {
    /** z such that P(Z <= z) = 0.95 for a standard normal Z: the half-width of a 90% interval in sds. */
    public static final double Z90 = 1.6448536269514722;
    public static final double CONFIDENT_FACTOR = 3;
    public static final double LIKELY_FACTOR = 10;
    public static final double SPECULATIVE_FACTOR = 30;

    private Spreads() {
    }

    public static double factor(Confidence confidence) {
        return switch (confidence) {
            case Confident -> CONFIDENT_FACTOR;
            case Likely -> LIKELY_FACTOR;
            case Speculative -> SPECULATIVE_FACTOR;
        };
    }

    /** Standard deviation in log10(FLOP) of an estimate at this level. */
    public static double log10Sd(Confidence confidence) {
        return Math.log10(factor(confidence)) / Z90;
    }

    /** The level whose spread covers {@code sd}: the tightest level with a spread at least as wide. */
    public static Confidence levelFor(double sd) {
        for (Confidence c : Confidence.values()) {
            if (sd <= log10Sd(c) * (1 + 1e-9)) {
                return c;
            }
        }
        return Confidence.Speculative;
    }
}
