package org.frontierregistry.tracker.scrape;

import java.text.Normalizer;
import java.util.Locale;

/** Record ids for new candidates: the name in lowercase kebab-case, as the schema requires. */
public final class RecordIds {
    private RecordIds() {
    }

    public static String fromName(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String id = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 80) {
            id = id.substring(0, 80).replaceAll("-+$", "");
        }
        return id.isEmpty() ? "unnamed-model" : id;
    }
}
