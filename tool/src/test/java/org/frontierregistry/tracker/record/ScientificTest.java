package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Example;

class ScientificTest {
    @Example
    void writesTheShortestMantissaAndThePowerOfTen() {
        assertEquals("3.8e25", Scientific.of(3.8e25));
        assertEquals("1e25", Scientific.of(1e25));
        assertEquals("2.505e25", Scientific.of(2.505e25));
        assertEquals("2.8e-3", Scientific.of(0.0028));
        assertEquals("-4.5e2", Scientific.of(-450));
        assertEquals("0", Scientific.of(0.0));
        assertEquals("0", Scientific.of(-0.0));
    }

    @Example
    void binaryNoiseBeyondTwelveDigitsIsRoundedAway() {
        assertEquals("2.8e23", Scientific.of(2.8000000000000002e23));
        assertEquals("1e-1", Scientific.of(0.1 + 0.0000000000000001));
        assertEquals("3e-1", Scientific.of(0.1 + 0.2));
        assertEquals("1.23456789012e0", Scientific.of(1.234567890123456));
    }

    @Example
    void notANumberIsRefused() {
        assertThrows(NumberFormatException.class, () -> Scientific.of(Double.NaN));
        assertThrows(NumberFormatException.class, () -> Scientific.of(Double.POSITIVE_INFINITY));
    }
}
