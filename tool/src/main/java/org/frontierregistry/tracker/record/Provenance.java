package org.frontierregistry.tracker.record;

import java.util.List;

/** Who created the record and which outside entries it was built from. */
public record Provenance(String createdBy, List<ScrapedEntry> scrapedFrom) {
    public Provenance {
        scrapedFrom = scrapedFrom == null ? List.of() : List.copyOf(scrapedFrom);
    }

    /** An entry of an outside source (a scraper's key for it). */
    public record ScrapedEntry(String source, String key, java.time.LocalDate seen) {
    }
}
