package org.frontierregistry.tracker.validate;

/**
 * The registry's schema file is not JSON, or not a schema the validator can use: no record can be checked until it
 * is fixed. The message names the file (with line and column where the JSON breaks) and what to do.
 */
public final class SchemaUnreadable extends RuntimeException {
    SchemaUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
