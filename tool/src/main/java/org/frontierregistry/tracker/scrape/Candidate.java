package org.frontierregistry.tracker.scrape;

import java.util.List;
import org.frontierregistry.tracker.record.Status;

/**
 * A model a source lists that the registry does not track: its record text, ready to review.
 *
 * @param sightings the source's entries it was built from (the first is the main one)
 * @param decision  proposed as a pull request, or only reported, and why
 */
public record Candidate(String source, String id, String name, String text, Double pAbove, Status status,
                        String estimateSummary, List<Sighting> sightings, CandidatePolicy.Decision decision) {
    public String path() {
        return "models/" + id + ".yaml";
    }
}
