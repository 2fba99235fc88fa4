package org.frontierregistry.tracker.validate;

import java.nio.file.Path;
import org.frontierregistry.tracker.record.FileStamp;

/**
 * The schema's SHA-256 (what the validation cache belongs to), remembered beside the cache with the schema file's
 * stamp ({@code NAME.schema-digest}). While the file has that stamp, and it had settled when remembered, the digest
 * is taken from there, as the cache's index does for record files: hashing the 21 kB schema, with Java's SHA-256
 * provider set up for it, took 30-50 ms of the start of every command, where an unchanged registry needs no other
 * hash. A memo that is missing, damaged or for another stamp only means the schema is hashed again.
 */
final class SchemaDigest {
    private static final String FORMAT = "tracker-schema-digest 1";

    private final Path file;
    private final long now;

    private SchemaDigest(Path file, long nowMillis) {
        this.file = file;
        this.now = nowMillis;
    }

    /** Remembers nothing: the schema is hashed on every load (tests, {@code --no-cache}). */
    static SchemaDigest none() {
        return new SchemaDigest(null, 0);
    }

    /**
     * The memo kept beside the validation cache {@code cacheFile}.
     *
     * @param nowMillis the time the run started, against which the schema's stamp counts as settled
     */
    static SchemaDigest besideCache(Path cacheFile, long nowMillis) {
        return new SchemaDigest(CacheMemo.besideCache(cacheFile, ".schema-digest"), nowMillis);
    }

    /**
     * The SHA-256 of the schema's text.
     *
     * @param stamp the schema file's stamp, taken before {@code text} was read (null when it could not be taken)
     */
    String of(Path schemaFile, FileStamp stamp, byte[] text) {
        String known = stamp == null ? null : remembered(line(schemaFile, stamp, ""));
        if (known != null) {
            return known;
        }
        String digest = ValidationCache.digest(text);
        if (file != null && stamp != null && stamp.settledBefore(now)) {
            CacheMemo.write(file, line(schemaFile, stamp, digest) + "\n");
        }
        return digest;
    }

    /** The digest remembered after {@code prefix} (the schema's path and stamp), or null. */
    private String remembered(String prefix) {
        String text = file == null ? null : CacheMemo.read(file);
        if (text == null || !text.startsWith(prefix) || !text.endsWith("\n")) {
            return null;
        }
        String digest = text.substring(prefix.length(), text.length() - 1);
        return isDigest(digest) ? digest : null;
    }

    private static boolean isDigest(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String line(Path schemaFile, FileStamp stamp, String digest) {
        return ValidationCache.pathAndStamp(new StringBuilder(FORMAT).append('\t'), ValidationCache.key(schemaFile), stamp)
                .append('\t').append(digest).toString();
    }
}
