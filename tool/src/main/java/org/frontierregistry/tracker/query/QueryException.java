package org.frontierregistry.tracker.query;

/** A question the engine cannot answer as asked (unknown field, bad value): the user must change the command. */
public final class QueryException extends RuntimeException {
    public QueryException(String message) {
        super(message, null, false, false);
    }
}
