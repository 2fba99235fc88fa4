package org.frontierregistry.tracker.estimate;

import org.frontierregistry.tracker.record.Status;

/**
 * The fixed rule from P(compute > 1e25) to a status (docs/methodology.md): p >= 0.95 above,
 * 0.5 <= p < 0.95 likely_above, 0.05 < p < 0.5 likely_below, p <= 0.05 below, no estimate uncertain.
 */
public final class StatusRule {
    public static final double ABOVE = 0.95;
    public static final double LIKELY_ABOVE = 0.5;
    public static final double BELOW = 0.05;

    private StatusRule() {
    }

    public static Status of(Double pAbove) {
        if (pAbove == null) {
            return Status.UNCERTAIN;
        }
        if (pAbove >= ABOVE) {
            return Status.ABOVE;
        }
        if (pAbove >= LIKELY_ABOVE) {
            return Status.LIKELY_ABOVE;
        }
        return pAbove > BELOW ? Status.LIKELY_BELOW : Status.BELOW;
    }

    /** The rule in words, for the working shown to people. */
    public static String explain(Status status) {
        return switch (status) {
            case ABOVE -> "p_above >= 0.95";
            case LIKELY_ABOVE -> "0.5 <= p_above < 0.95";
            case LIKELY_BELOW -> "0.05 < p_above < 0.5";
            case BELOW -> "p_above <= 0.05";
            case UNCERTAIN -> "no usable estimate";
            case REJECTED -> "set by a reviewer";
        };
    }

    /**
     * p_above rounded to 3 decimals for storing, nudged by 0.001 when plain rounding would cross a
     * cut-off (0.9496 is stored as 0.949, not 0.95), so a reader applying the rule to the stored
     * value gets the same status.
     */
    public static double storedProbability(double p) {
        double rounded = Math.round(p * 1000) / 1000.0;
        if (of(rounded) == of(p)) {
            return rounded;
        }
        double down = Math.floor(p * 1000) / 1000.0;
        return of(down) == of(p) ? down : Math.ceil(p * 1000) / 1000.0;
    }
}
