package org.frontierregistry.tracker.trend;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The precision the trends are published with, one place for every output (terminal, JSON, site), so that
 * they agree digit for digit and simulation noise below that precision never shows.
 */
public final class Rounded {
    private Rounded() {
    }

    /** An expected count: two decimals. */
    public static double count(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** A growth factor per year: two decimals. */
    public static double factor(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Compute in FLOP: three significant digits. */
    public static double flop(double value) {
        return new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
    }

    /** A count as people read it: 12.3 (one decimal). */
    public static String countText(double value) {
        return BigDecimal.valueOf(count(value)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A growth factor as people read it: 4.3×, 12×. */
    public static String factorText(double value) {
        double rounded = factor(value);
        return BigDecimal.valueOf(rounded).setScale(rounded >= 10 ? 0 : 1, RoundingMode.HALF_UP).toPlainString() + "×";
    }
}
