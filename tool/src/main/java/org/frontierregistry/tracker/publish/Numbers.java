package org.frontierregistry.tracker.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.frontierregistry.tracker.record.Scientific;

/** Locale-independent number formats for published outputs. */
public final class Numbers {
    private Numbers() {
    }

    /** Shortest scientific form, as Epoch AI writes compute: 3.8e+25, 1e+25, 2.505e+25. */
    public static String scientific(Double value) {
        if (value == null) {
            return "";
        }
        String plain = Scientific.of(value);
        int e = plain.indexOf('e');
        if (e < 0) {
            return plain;
        }
        int exponent = Integer.parseInt(plain.substring(e + 1));
        int digits = Math.abs(exponent);
        return plain.substring(0, e) + "e" + (exponent >= 0 ? "+" : "-") + (digits < 10 ? "0" : "") + digits;
    }

    /** Whole counts (parameters, tokens) written out in full; fractional values as plain decimals. */
    public static String plain(Double value) {
        if (value == null) {
            return "";
        }
        BigDecimal exact = Scientific.clean(value);
        return exact.scale() <= 0 ? exact.toBigInteger().toString() : exact.toPlainString();
    }

    /** A probability with three decimals, as {@code String.format(Locale.ROOT, "%.3f", value)} writes it. */
    public static String probability(Double value) {
        if (value == null) {
            return "";
        }
        return fixed(value, 3);
    }

    /**
     * The value with this many decimals, as {@code String.format(Locale.ROOT, "%.Nf", value)} writes it: the
     * shortest decimal of the double rounded half up, a negative value that rounds to zero keeping its sign.
     * Done with BigDecimal, as the formatter parsing its pattern for each number was a tenth of the CSV files'
     * time and most of the site's chart; NaN and infinities go to the formatter.
     */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        String text = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative && text.charAt(0) != '-' ? "-" + text : text;
    }
}
