package org.frontierregistry.tracker.scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;

/**
 * Recognises the record a sighting is about, in three steps from strict to loose: an outside identifier
 * the record lists for that source; the exact name key ({@link NameKey}) of any of its names; the loose
 * key ({@link NameNormaliser}). A step that finds two records is ambiguous and stops there: the bot never
 * guesses between two records. One exception: when the source's own key is exactly one record's name, that
 * record is the match, whatever the other names given beside the key point to.
 */
public final class NameMatcher {
    public enum How { IDENTIFIER, NAME, NORMALISED }

    /** The outcome: a record id and how it was found, or nothing, or several candidates. */
    public record Match(String recordId, How how, String matchedName, Set<String> ambiguous) {
        public static final Match NONE = new Match(null, null, null, Set.of());

        public boolean found() {
            return recordId != null;
        }

        public boolean isAmbiguous() {
            return !ambiguous.isEmpty();
        }
    }

    private final Map<String, Set<String>> identifiers = new TreeMap<>();
    private final Map<String, Set<String>> exact = new TreeMap<>();
    private final Map<String, Set<String>> loose = new TreeMap<>();
    /** Records that are vision models by their names ("GLM-4.5V", "Qwen2.5-VL-72B"). */
    private final Set<String> vision = new TreeSet<>();
    /** A version with a V suffix ("4.6v"), or VL / Vision as a word of its own. */
    private static final java.util.regex.Pattern VISION_TOKEN = java.util.regex.Pattern.compile("\\d+(\\.\\d+)*v|vl|vision");

    public NameMatcher(List<ModelRecord> records) {
        for (ModelRecord r : records) {
            add(identifiers, "epoch|" + r.identifiers().epoch(), r.id(), r.identifiers().epoch() != null);
            r.identifiers().lmarena().forEach(k -> add(identifiers, "lmarena|" + k, r.id(), true));
            r.identifiers().openrouter().forEach(k -> add(identifiers, "openrouter|" + k, r.id(), true));
            r.identifiers().huggingface().forEach(k -> add(identifiers, "huggingface|" + k, r.id(), true));
            add(exact, NameKey.of(r.id()), r.id(), true);
            if (r.allNames().stream().anyMatch(NameMatcher::visionName)) {
                vision.add(r.id());
            }
            for (String name : r.allNames()) {
                add(exact, NameKey.of(name), r.id(), true);
                String key = NameNormaliser.key(name);
                add(loose, key, r.id(), !key.isEmpty());
            }
        }
    }

    private static void add(Map<String, Set<String>> index, String key, String id, boolean when) {
        if (when && !key.isEmpty()) {
            index.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
        }
    }

    public Match match(Sighting sighting) {
        List<String> idKeys = new ArrayList<>();
        sighting.identifiers().forEach((field, values) -> values.forEach(v -> idKeys.add(field + "|" + v)));
        Optional<Match> byId = lookup(identifiers, idKeys, How.IDENTIFIER, sighting);
        if (byId.isPresent()) {
            return byId.get();
        }
        List<String> names = sighting.allNames();
        Optional<Match> byName = lookup(exact, names.stream().map(NameKey::of).toList(), How.NAME, sighting);
        if (byName.isPresent() && byName.get().isAmbiguous()) {
            // The source's own key names the version it lists; a broader name beside it (Epoch's capabilities
            // index gives the database model a version belongs to) does not outweigh a record that has the key.
            Set<String> byKey = exact.getOrDefault(NameKey.of(sighting.key()), Set.of());
            if (byKey.size() == 1) {
                return new Match(byKey.iterator().next(), How.NAME, sighting.key(), Set.of());
            }
        }
        if (byName.isPresent()) {
            return byName.get();
        }
        // Loosely, a vision model is never its text base nor the other way round: "GLM 4.6V" (listed under
        // the slug "glm-4.6-20251208") is not GLM-4.6.
        boolean seesVision = names.stream().anyMatch(NameMatcher::visionName);
        return lookup(loose, names.stream().map(NameNormaliser::key).toList(), How.NORMALISED, sighting,
                id -> vision.contains(id) == seesVision).orElse(Match.NONE);
    }

    /** The name marks a vision model: a version with a V suffix ("GLM-4.6V"), or the word VL or Vision. */
    static boolean visionName(String name) {
        return NameNormaliser.tokens(name).stream().anyMatch(t -> VISION_TOKEN.matcher(t).matches());
    }

    /** Matches one bare name (for tests and measurements). */
    public Match match(String name) {
        return match(new Sighting("test", name, name, List.of(), Map.of(), List.of(), List.of(), List.of(), null, null,
                null, null, null, null, null, Map.of(), null, "", true));
    }

    private static Optional<Match> lookup(Map<String, Set<String>> index, List<String> keys, How how, Sighting s) {
        return lookup(index, keys, how, s, id -> true);
    }

    private static Optional<Match> lookup(Map<String, Set<String>> index, List<String> keys, How how, Sighting s,
                                          java.util.function.Predicate<String> fits) {
        Set<String> found = new TreeSet<>();
        String matchedName = null;
        List<String> names = s.allNames();
        for (int i = 0; i < keys.size(); i++) {
            Set<String> ids = index.get(keys.get(i));
            if (ids != null && !keys.get(i).isEmpty() && ids.stream().anyMatch(fits)) {
                ids.stream().filter(fits).forEach(found::add);
                if (matchedName == null) {
                    matchedName = how == How.IDENTIFIER ? keys.get(i).substring(keys.get(i).indexOf('|') + 1)
                            : names.get(Math.min(i, names.size() - 1));
                }
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            return Optional.of(new Match(null, how, matchedName, Set.copyOf(found)));
        }
        return Optional.of(new Match(found.iterator().next(), how, matchedName, Set.of()));
    }
}
