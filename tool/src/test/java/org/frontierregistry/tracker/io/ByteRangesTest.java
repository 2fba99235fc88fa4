package org.frontierregistry.tracker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteRangesTest {
    private static final byte[] TEXT = "xx123456789\nab\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theChecksumIsTheCrc32OfTheRangeInHex() {
        assertEquals("cbf43926", ByteRanges.crc(TEXT, 2, 11), "the CRC-32 check value of \"123456789\"");
        assertEquals("0", ByteRanges.crc(TEXT, 5, 5), "an empty range");
    }

    @Test
    void aByteIsLookedForOnlyInsideTheRange() {
        assertEquals(11, ByteRanges.indexOf(TEXT, (byte) '\n', 0, TEXT.length));
        assertEquals(14, ByteRanges.indexOf(TEXT, (byte) '\n', 12, TEXT.length));
        assertEquals(-1, ByteRanges.indexOf(TEXT, (byte) '\n', 0, 11), "the end is not in the range");
        assertEquals(-1, ByteRanges.indexOf(TEXT, (byte) 'z', 0, TEXT.length));
    }
}
