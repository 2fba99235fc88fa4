package org.frontierregistry.tracker.record;

import java.nio.file.Path;

/**
 * A record together with the parsed document it came from (for locations in problems).
 *
 * @param contentDigest the SHA-256 of the file's content it was read from, when the validation cache computed or
 *                      knew it; null otherwise (a build then makes this record's rows of the outputs afresh)
 */
public record LoadedRecord(ModelRecord record, YamlDocument document, String contentDigest) {
    public LoadedRecord(ModelRecord record, YamlDocument document) {
        this(record, document, null);
    }

    public Path file() {
        return document.file();
    }

    public String id() {
        return record.id();
    }

    /** The same record, known to have been read from a content with this digest. */
    public LoadedRecord withContentDigest(String digest) {
        return new LoadedRecord(record, document, digest);
    }
}
