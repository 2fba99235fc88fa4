package org.frontierregistry.tracker.scrape;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.frontierregistry.tracker.io.AtomicFiles;

/**
 * The last good response per URL with its ETag / Last-Modified, so the next run can ask "changed since?"
 * and the server can answer 304 without sending the data again. Kept in a folder (git-ignored dist/).
 */
public interface ResponseCache {
    record Entry(byte[] body, String contentType, String etag, String lastModified) {
    }

    /** How a cache entry's file name ends. */
    String ENTRY = ".entry";

    Optional<Entry> load(URI uri);

    void store(URI uri, Entry entry);

    ResponseCache NONE = new ResponseCache() {
        @Override
        public Optional<Entry> load(URI uri) {
            return Optional.empty();
        }

        @Override
        public void store(URI uri, Entry entry) {
        }
    };

    /**
     * A cache in {@code folder}: per URL one file holding the validators, the body's length and SHA-256, then
     * the body, written in one step. An entry that is missing, cut short, altered or left in an older layout
     * is a cache miss (the next fetch downloads in full), never an error.
     */
    static ResponseCache in(Path folder) {
        return new ResponseCache() {
            @Override
            public Optional<Entry> load(URI uri) {
                try {
                    Path file = folder.resolve(name(uri) + ENTRY);
                    return Files.isRegularFile(file) ? CacheEntryFormat.decode(Files.readAllBytes(file)) : Optional.empty();
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void store(URI uri, Entry entry) {
                if (entry.etag() == null && entry.lastModified() == null) {
                    return;
                }
                try {
                    Files.createDirectories(folder);
                    AtomicFiles.write(folder.resolve(name(uri) + ENTRY), CacheEntryFormat.encode(entry));
                    AtomicFiles.removeAbandonedLeftovers(folder); // scrape runs share it, with or without the lock
                } catch (IOException e) {
                    // A cache that cannot be written only costs a full download next time.
                }
            }
        };
    }

    private static String name(URI uri) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
