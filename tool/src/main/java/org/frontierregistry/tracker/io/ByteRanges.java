package org.frontierregistry.tracker.io;

import java.util.zip.CRC32;

/** What the tool's cache files need of a range {@code [from, to)} of their bytes: its checksum, and a byte's place in it. */
public final class ByteRanges {
    private ByteRanges() {
    }

    /** The CRC-32 of the range, in hexadecimal without leading zeros, as the cache files write it. */
    public static String crc(byte[] bytes, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, to - from);
        return Long.toHexString(crc.getValue());
    }

    /** The first place of {@code wanted} in the range, or -1. */
    public static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
