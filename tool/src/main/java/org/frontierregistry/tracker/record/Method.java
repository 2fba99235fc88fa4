package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a training-compute estimate was made. */
public enum Method {
    REPORTED, PARAMETERS_TOKENS, HARDWARE, BENCHMARK, COMPARISON, COST;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Method fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
