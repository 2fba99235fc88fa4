package org.frontierregistry.tracker.scrape;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Record ids for new candidates: the name in lowercase kebab-case, as the schema requires. */
public final class RecordIds {
    // Compiled once (String.replaceAll compiles on every call): a discovery run names every candidate.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern OUTER_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

    private RecordIds() {
    }

    public static String fromName(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        String id = OUTER_DASHES.matcher(NOT_ALPHANUMERIC.matcher(folded).replaceAll("-")).replaceAll("");
        if (id.length() > 80) {
            id = TRAILING_DASHES.matcher(id.substring(0, 80)).replaceAll("");
        }
        return id.isEmpty() ? "unnamed-model" : id;
    }
}
