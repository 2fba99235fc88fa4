package org.frontierregistry.tracker.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How the estimation engine rounds and shows numbers (locale-independent). */
public final class Sci {
    private Sci() {
    }

    /** Rounds to {@code digits} significant digits (derived values are stored with 4). */
    public static double round(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
    }

    /**
     * Full precision for machine outputs: 14 significant digits, all that survives the log10 and back of
     * the combination, so that 6 × 405e9 × 15.6e12 is 3.7908e25 rather than 3.791e25 (4 digits) or
     * 3.79080000000001e25 (rounding noise).
     */
    public static double full(double value) {
        return round(value, 14);
    }

    /** Scientific form with 4 significant digits: 3.791e25. */
    public static String flop(double value) {
        return scientific(round(value, 4));
    }

    /** Shortest scientific form of an exact value: 3.8e25, 1e25. */
    public static String scientific(double value) {
        return org.frontierregistry.tracker.record.Scientific.of(value);
    }

    /**
     * An input as a person would type it: small numbers plainly (16384, 0.35), counts with an
     * exponent that is a multiple of 3 (405e9, 15.6e12), FLOP-sized numbers in scientific form (3.8e25).
     */
    public static String input(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e15 || (abs != 0 && abs < 1e-3)) {
            return scientific(value);
        }
        if (abs >= 1e6) {
            BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
            int exponent = exact.precision() - exact.scale() - 1;
            int engineering = Math.floorDiv(exponent, 3) * 3;
            BigDecimal mantissa = exact.movePointLeft(engineering).stripTrailingZeros();
            return (mantissa.scale() <= 0 ? mantissa.toBigInteger().toString() : mantissa.toPlainString()) + "e" + engineering;
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        return exact.scale() <= 0 ? exact.toBigInteger().toString() : exact.toPlainString();
    }

    /** Fixed decimals, for log10 values and probabilities. */
    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
