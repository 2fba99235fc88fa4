package org.frontierregistry.tracker.scrape;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One response cache entry as one file: six header lines (format, content type, ETag, Last-Modified, body
 * length, body SHA-256), then the body. Decoding checks every part, so a damaged entry reads as absent.
 */
final class CacheEntryFormat {
    static final String MAGIC = "tracker-response-cache 1";
    private static final int HEADER_LINES = 6;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private CacheEntryFormat() {
    }

    static byte[] encode(ResponseCache.Entry entry) {
        String header = MAGIC + "\n" + oneLine(entry.contentType()) + "\n" + oneLine(entry.etag()) + "\n"
                + oneLine(entry.lastModified()) + "\n" + entry.body().length + "\n" + sha256(entry.body()) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length() + entry.body().length);
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(entry.body());
        return out.toByteArray();
    }

    /** The entry, or empty when the bytes are not one whole, unaltered entry. */
    static Optional<ResponseCache.Entry> decode(byte[] bytes) {
        String[] lines = new String[HEADER_LINES];
        int position = 0;
        for (int i = 0; i < HEADER_LINES; i++) {
            int end = indexOf(bytes, (byte) '\n', position, Math.min(bytes.length, MAX_HEADER_BYTES));
            if (end < 0) {
                return Optional.empty();
            }
            lines[i] = new String(bytes, position, end - position, StandardCharsets.UTF_8);
            position = end + 1;
        }
        if (!lines[0].equals(MAGIC) || !lines[4].matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        long length = Long.parseLong(lines[4]);
        if (bytes.length - position != length) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOfRange(bytes, position, bytes.length);
        if (!sha256(body).equals(lines[5]) || lines[1].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ResponseCache.Entry(body, lines[1], blankToNull(lines[2]), blankToNull(lines[3])));
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
