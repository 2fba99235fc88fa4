package org.frontierregistry.tracker.scrape;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The last good response per URL with its ETag / Last-Modified, so the next run can ask "changed since?"
 * and the server can answer 304 without sending the data again. Kept in a folder (git-ignored dist/).
 */
public interface ResponseCache {
    record Entry(byte[] body, String contentType, String etag, String lastModified) {
    }

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

    /** A cache in {@code folder}: per URL a body file and a small metadata file. */
    static ResponseCache in(Path folder) {
        return new ResponseCache() {
            @Override
            public Optional<Entry> load(URI uri) {
                Path meta = folder.resolve(name(uri) + ".meta");
                Path body = folder.resolve(name(uri) + ".body");
                try {
                    if (!Files.isRegularFile(meta) || !Files.isRegularFile(body)) {
                        return Optional.empty();
                    }
                    List<String> lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
                    if (lines.size() < 3) {
                        return Optional.empty();
                    }
                    return Optional.of(new Entry(Files.readAllBytes(body), lines.get(0), blankToNull(lines.get(1)),
                            blankToNull(lines.get(2))));
                } catch (IOException e) {
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
                    Files.write(folder.resolve(name(uri) + ".body"), entry.body());
                    Files.writeString(folder.resolve(name(uri) + ".meta"), entry.contentType() + "\n"
                            + nullToBlank(entry.etag()) + "\n" + nullToBlank(entry.lastModified()) + "\n",
                            StandardCharsets.UTF_8);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }
}
