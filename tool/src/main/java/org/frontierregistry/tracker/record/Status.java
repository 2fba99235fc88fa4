package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a model stands against the 1e25 FLOP line. */
public enum Status {
    ABOVE, LIKELY_ABOVE, UNCERTAIN, LIKELY_BELOW, BELOW, REJECTED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** Published in the list of models over the line. */
    public boolean isPublished() {
        return this == ABOVE || this == LIKELY_ABOVE;
    }
}
