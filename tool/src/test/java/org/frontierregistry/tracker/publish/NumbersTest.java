package org.frontierregistry.tracker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class NumbersTest {
    private static String formatted(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    @Property(tries = 5_000)
    void aProbabilityIsWrittenAsTheFormatterWritesIt(@ForAll @DoubleRange(min = 0, max = 1) double p) {
        assertEquals(formatted(p), Numbers.probability(p));
    }

    @Property(tries = 2_000)
    void anyFiniteNumberIsWrittenAsTheFormatterWritesIt(@ForAll double value) {
        assertEquals(formatted(value), Numbers.probability(value));
    }

    @Example
    void halfwayValuesRoundUpOnTheirShortestDecimal() {
        for (double p : new double[] {0.0005, 0.0015, 0.9995, 0.1235, 0.5, 1.0, 0.0, 1e-7, 0.9999999, 2.675e-1}) {
            assertEquals(formatted(p), Numbers.probability(p), "for " + p);
        }
        assertEquals("0.001", Numbers.probability(0.0005));
        assertEquals("1.000", Numbers.probability(0.9995));
    }

    @Property(tries = 3_000)
    void aFixedNumberIsWrittenAsTheFormatterWritesIt(@ForAll double value, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4) int decimals) {
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), Numbers.fixed(value, decimals));
    }

    @Property(tries = 3_000)
    void aChartCoordinateIsWrittenAsTheFormatterWritesIt(@ForAll @DoubleRange(min = -50, max = 1200) double value) {
        assertEquals(String.format(Locale.ROOT, "%.1f", value), Numbers.fixed(value, 1));
    }

    @Example
    void negativeValuesThatRoundToZeroKeepTheirSign() {
        for (double value : new double[] {-0.04, -0.05, -0.0004, -0.0, -1e-300, -0.45, -0.25, 0.25, 0.35, 1e20, -2.5e-1}) {
            for (int decimals = 0; decimals <= 3; decimals++) {
                assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), Numbers.fixed(value, decimals),
                        value + " with " + decimals);
            }
        }
        assertEquals("-0.0", Numbers.fixed(-0.04, 1));
        assertEquals("-0.000", Numbers.probability(-0.0001));
    }

    @Example
    void specialValuesAndNothing() {
        assertEquals("", Numbers.probability(null));
        assertEquals("-0.000", Numbers.probability(-0.0));
        assertEquals("NaN", Numbers.probability(Double.NaN));
        assertEquals("Infinity", Numbers.probability(Double.POSITIVE_INFINITY));
    }
}
