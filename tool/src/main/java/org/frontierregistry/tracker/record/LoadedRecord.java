package org.frontierregistry.tracker.record;

import java.nio.file.Path;

/** A record together with the parsed document it came from (for locations in problems). */
public record LoadedRecord(ModelRecord record, YamlDocument document) {
    public Path file() {
        return document.file();
    }

    public String id() {
        return record.id();
    }
}
