package org.frontierregistry.tracker.scrape;

import java.util.List;

/**
 * What one source's data means for the registry: entries matched to records, entries no record matched,
 * updates to records, and entries that matched two records at once.
 *
 * @param sightings       entries the source listed
 * @param matched         entries recognised as a record we track
 * @param matchedRecords  distinct records those entries belong to
 * @param ignored         entries neither matched nor notable (e.g. low arena ranks)
 * @param unmatched       notable entries no record matched: new models, joined across sources before screening
 * @param invalid         candidates or updates whose text failed validation (reported with the problem, never proposed)
 * @param declined        matched entries a reviewer declined for their record (its {@code declined} list): they update nothing
 */
public record ScrapePlan(String source, int sightings, int matched, int matchedRecords, int ignored,
                         List<Sighting> unmatched, List<RecordUpdate> updates, List<Ambiguity> ambiguous,
                         List<String> invalid, List<Pairing> pairings, List<Pairing> declined) {
    /** One entry recognised as a record, and how (identifier, name, normalised). */
    public record Pairing(String key, String recordId, NameMatcher.How how) {
    }

    /** An entry whose name fits two or more records: the bot does not guess. */
    public record Ambiguity(String key, List<String> recordIds) {
    }
}
