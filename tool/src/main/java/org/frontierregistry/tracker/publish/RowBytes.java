package org.frontierregistry.tracker.publish;

import java.nio.charset.StandardCharsets;

/**
 * One record's row of an output as bytes: a range of the last build's output when copied, else the row just made.
 */
public record RowBytes(byte[] bytes, int offset, int length, boolean copied) {
    static RowBytes made(String row) {
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        return new RowBytes(bytes, 0, bytes.length, false);
    }
}
