package org.frontierregistry.tracker.record;

import java.util.List;

/** Exact keys of the model in outside sources. */
public record Identifiers(String epoch, List<String> huggingface, List<String> lmarena, List<String> openrouter) {
    public static final Identifiers NONE = new Identifiers(null, List.of(), List.of(), List.of());

    public Identifiers {
        huggingface = huggingface == null ? List.of() : List.copyOf(huggingface);
        lmarena = lmarena == null ? List.of() : List.copyOf(lmarena);
        openrouter = openrouter == null ? List.of() : List.copyOf(openrouter);
    }
}
