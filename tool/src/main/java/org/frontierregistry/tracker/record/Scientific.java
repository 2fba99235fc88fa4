package org.frontierregistry.tracker.record;

import java.math.BigDecimal;
import java.math.MathContext;

/** The one way numbers are written in scientific form across records, messages and outputs: 3.8e25, 1e25, 2.8e-3. */
public final class Scientific {
    /** Enough digits for anything a person writes; fewer than a double's binary noise (2.8000000000000002e23). */
    private static final MathContext SIGNIFICANT = new MathContext(12);

    private Scientific() {
    }

    public static String of(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = BigDecimal.valueOf(value).round(SIGNIFICANT).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        BigDecimal mantissa = exact.movePointLeft(exponent).stripTrailingZeros();
        String m = mantissa.scale() <= 0 ? mantissa.toBigInteger().toString() : mantissa.toPlainString();
        return m + "e" + exponent;
    }

    /** The value with binary noise removed, for plain (non-scientific) forms. */
    public static BigDecimal clean(double value) {
        return BigDecimal.valueOf(value).round(SIGNIFICANT).stripTrailingZeros();
    }
}
