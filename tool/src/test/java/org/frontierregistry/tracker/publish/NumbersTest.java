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

    @Example
    void specialValuesAndNothing() {
        assertEquals("", Numbers.probability(null));
        assertEquals("-0.000", Numbers.probability(-0.0));
        assertEquals("NaN", Numbers.probability(Double.NaN));
        assertEquals("Infinity", Numbers.probability(Double.POSITIVE_INFINITY));
    }
}
