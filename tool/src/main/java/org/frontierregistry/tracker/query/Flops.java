package org.frontierregistry.tracker.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** FLOP amounts as people read them on a terminal: three significant digits at most, 3.8e25, 1e25, 3.79e25. */
public final class Flops {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private Flops() {
    }

    public static String shortForm(Double value) {
        if (value == null) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        String m = mantissa.scale() <= 0 ? mantissa.toBigInteger().toString() : mantissa.toPlainString();
        return m + "e" + exponent;
    }

    /** Reads 1e25, 3.8e25, 10000000000000000000000000; a clear error otherwise. */
    public static double parse(String option, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new QueryException(option + " expects a positive number of FLOP such as 1e25 or 3.8e25, not '" + text + "'");
        }
    }
}
