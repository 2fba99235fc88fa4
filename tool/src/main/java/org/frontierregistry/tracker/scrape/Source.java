package org.frontierregistry.tracker.scrape;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A public source the bot reads. A source only knows where it lives, what its response looks like and
 * how to translate one response into {@link Sighting}s; fetching, matching, candidates and proposing
 * are shared. A new source is one class implementing this, registered in {@link Sources}, plus a test
 * that parses its saved snapshot.
 */
public interface Source {
    /** Short lowercase name used on the command line, in branch names and in provenance (e.g. epoch). */
    String name();

    /** One line for {@code --list-sources}: what is read. */
    String description();

    /** Where the live data is fetched from by default. */
    URI defaultUrl();

    /**
     * Every document a live run reads, in order (most sources have one; a source made of several
     * documents, such as several news feeds, lists them all). {@code --url} replaces the list.
     */
    default List<URI> defaultUrls() {
        return List.of(defaultUrl());
    }

    /**
     * The environment variable holding the API key a live request needs, if any. Without it a live run
     * skips the source and says so; snapshots need no key.
     */
    default Optional<String> apiKeyVariable() {
        return Optional.empty();
    }

    /** The request headers that carry {@code key} (read from {@link #apiKeyVariable()}). */
    default Map<String, String> apiKeyHeaders(String key) {
        return Map.of();
    }

    /**
     * Whether the source only gives leads (a model exists, its name, its day): its sightings join other
     * sources' evidence but never make a proposal on their own.
     */
    default boolean leadsOnly() {
        return false;
    }

    /** Media types a good response may carry (e.g. text/csv); anything else fails loudly. */
    Set<String> contentTypes();

    /**
     * Parses one response body and translates its entries.
     *
     * @param origin where the body came from (a URL or a file), for error messages
     * @throws SourceShapeException when the body is not the shape this source expects (missing columns, too few rows)
     */
    List<Sighting> parse(byte[] body, String origin) throws SourceShapeException;
}
