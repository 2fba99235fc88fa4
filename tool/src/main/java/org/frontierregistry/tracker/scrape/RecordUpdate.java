package org.frontierregistry.tracker.scrape;

import java.util.List;

/**
 * Changes a source suggests to a record we already track.
 *
 * @param text     the record's new text (edited in place: comments and order kept)
 * @param changes  each change in words, for the commit message and the PR body
 * @param verified the record is verified, so only aliases were added
 * @param looseMatches entries recognised only by the loose name key (dates and release words dropped): the reviewer checks them
 */
public record RecordUpdate(String source, String recordId, String path, String text, List<String> changes,
                           boolean verified, List<Sighting> sightings, List<String> looseMatches) {
}
