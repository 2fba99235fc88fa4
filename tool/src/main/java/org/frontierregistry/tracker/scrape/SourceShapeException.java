package org.frontierregistry.tracker.scrape;

/** A source's response is not the shape the scraper was written for: it changed, or this is not the right document. */
public final class SourceShapeException extends Exception {
    public SourceShapeException(String message) {
        super(message, null, false, false);
    }
}
