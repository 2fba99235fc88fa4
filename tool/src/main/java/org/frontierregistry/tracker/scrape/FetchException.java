package org.frontierregistry.tracker.scrape;

/** Fetching a source failed for good (after the retries the policy allows). The message says why and what to try. */
public final class FetchException extends Exception {
    public FetchException(String message) {
        super(message, null, false, false);
    }
}
