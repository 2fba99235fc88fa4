package org.frontierregistry.tracker.scrape;

import java.util.List;

/**
 * What one source's data means for the registry: entries matched to records, new candidates (to
 * propose or only to report), updates to records, and entries that matched two records at once.
 *
 * @param sightings       entries the source listed
 * @param matched         entries recognised as a record we track
 * @param matchedRecords  distinct records those entries belong to
 * @param ignored         entries neither matched nor notable (e.g. low arena ranks)
 * @param invalid         candidates or updates whose text failed validation (reported with the problem, never proposed)
 */
public record ScrapePlan(String source, int sightings, int matched, int matchedRecords, int ignored,
                         List<Candidate> candidates, List<RecordUpdate> updates, List<Ambiguity> ambiguous,
                         List<String> invalid, List<Pairing> pairings) {
    /** One entry recognised as a record, and how (identifier, name, normalised). */
    public record Pairing(String key, String recordId, NameMatcher.How how) {
    }

    /** An entry whose name fits two or more records: the bot does not guess. */
    public record Ambiguity(String key, List<String> recordIds) {
    }

    public List<Candidate> proposed() {
        return candidates.stream().filter(c -> c.decision().propose()).toList();
    }

    public List<Candidate> reported() {
        return candidates.stream().filter(c -> !c.decision().propose()).toList();
    }
}
