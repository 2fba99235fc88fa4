package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * A record that stands in for the one in {@code file} without its file being read: its document is empty, so
     * it has no locations and no text.
     *
     * @param digest the content digest it stands for; null when not known
     */
    public static LoadedRecord standIn(ModelRecord record, Path file, String digest) {
        return new LoadedRecord(record, new YamlDocument(file, "", JsonNodeFactory.instance.objectNode(), Map.of(), Map.of()),
                digest);
    }

    /** The same record, known to have been read from a content with this digest. */
    public LoadedRecord withContentDigest(String digest) {
        return new LoadedRecord(record, document, digest);
    }
}
