package org.frontierregistry.tracker.io;

import java.io.IOException;

/** A file could not be written; the message names it, says it was left as it was, and what to do. */
public final class WriteFailure extends IOException {
    public WriteFailure(String message) {
        super(message);
    }
}
