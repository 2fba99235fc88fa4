package org.frontierregistry.tracker.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Suggests the closest allowed word for a misspelt one. */
public final class DidYouMean {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private DidYouMean() {
    }

    public static Optional<String> closest(String typed, Collection<String> allowed) {
        if (typed == null || allowed.isEmpty()) {
            return Optional.empty();
        }
        String wanted = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, wanted.length() / 3);
        return allowed.stream()
                .filter(candidate -> distance(wanted, candidate) <= limit)
                .min(Comparator.comparingInt((String candidate) -> distance(wanted, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** " Did you mean 'x'?" or "" when nothing is close. */
    public static String phrase(String typed, Collection<String> allowed) {
        return closest(typed, allowed).map(s -> "Did you mean '" + s + "'? ").orElse("");
    }

    private static int distance(String wanted, String candidate) {
        String c = candidate.toLowerCase(Locale.ROOT);
        if (c.replaceAll("[^a-z0-9]", "").equals(wanted.replaceAll("[^a-z0-9]", ""))) {
            return 0;
        }
        return DISTANCE.apply(wanted, c);
    }
}
