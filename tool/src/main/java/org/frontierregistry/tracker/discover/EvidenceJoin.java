package org.frontierregistry.tracker.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.scrape.NameNormaliser;
import org.frontierregistry.tracker.scrape.RecordIds;
import org.frontierregistry.tracker.scrape.Sighting;

/**
 * Joins the sightings no record matched, across all sources, into one body of evidence per model. Two
 * sightings are the same model when their names agree once owner prefixes, dates, release words and
 * feature or packaging words are dropped ({@link VariantRules#baseKey}); tier words and sizes are kept, so
 * the must-not-match rules of the name matcher hold here too. A sighting whose base name is a tracked
 * record's is a variant of that record (folded into it, not new); a sighting left with nothing
 * distinctive ("gpt-audio") is a product without a model version.
 */
public final class EvidenceJoin {
    /** A sighting folded into a tracked record, or set aside, and why. */
    public record Fold(Sighting sighting, String intoRecord, String reason) {
    }

    /** The joined evidence for new models, and the sightings folded into records or set aside. */
    public record Result(List<Evidence> evidence, List<Fold> folded) {
    }

    /** Base keys of records' ids and names, and (checked second) of their aliases and identifiers. */
    private final Map<String, Set<String>> recordsByName = new TreeMap<>();
    private final Map<String, Set<String>> recordsByAlias = new TreeMap<>();

    public EvidenceJoin(List<ModelRecord> records) {
        for (ModelRecord r : records) {
            index(recordsByName, List.of(r.id(), r.name()), r.id());
            index(recordsByAlias, r.allNames(), r.id());
        }
    }

    private static void index(Map<String, Set<String>> map, List<String> names, String id) {
        for (String n : names) {
            String key = VariantRules.baseKey(n);
            if (!key.isEmpty()) {
                map.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
            }
        }
    }

    /** The one record whose name (else whose alias) has this base key, or null when none or several. */
    private String record(String key) {
        Set<String> byName = recordsByName.get(key);
        if (byName != null) {
            return byName.size() == 1 ? byName.iterator().next() : null;
        }
        Set<String> byAlias = recordsByAlias.get(key);
        return byAlias != null && byAlias.size() == 1 ? byAlias.iterator().next() : null;
    }

    public Result join(List<Sighting> unmatched) {
        Map<String, List<Sighting>> groups = new LinkedHashMap<>();
        List<Fold> folded = new ArrayList<>();
        for (Sighting s : unmatched) {
            String key = VariantRules.baseKey(s.name());
            if (key.isEmpty() || VariantRules.isProduct(s.name())) {
                if (!VariantRules.featureWords(s.name()).isEmpty()) {
                    folded.add(new Fold(s, null, "only a product or setting ('" + String.join("', '", VariantRules.featureWords(s.name()))
                            + "') with no model version in its name"));
                    continue;
                }
                key = key.isEmpty() ? "=" + NameKey.of(s.name()) : key;
            }
            String record = record(key);
            if (record != null) {
                String words = String.join("', '", VariantRules.featureWords(s.name()));
                folded.add(new Fold(s, record, words.isEmpty()
                        ? "the same name as the record once dates and release words are dropped"
                        : "a variant ('" + words + "') of the tracked model"));
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        // Keys that differ only in how a name is split ("Ling-2.6-flash", "Ling 2.6 Flash") give one record id: one model.
        Map<String, List<Sighting>> byId = new LinkedHashMap<>();
        Map<String, String> keyOfId = new LinkedHashMap<>();
        for (Map.Entry<String, List<Sighting>> g : groups.entrySet()) {
            String id = RecordIds.fromName(name(g.getValue()));
            keyOfId.putIfAbsent(id, g.getKey());
            byId.computeIfAbsent(keyOfId.get(id), k -> new ArrayList<>()).addAll(g.getValue());
        }
        groups = byId;
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<String, List<Sighting>> g : groups.entrySet()) {
            List<String> variants = new ArrayList<>();
            for (Sighting s : g.getValue()) {
                if (!VariantRules.featureWords(s.name()).isEmpty() && !variants.contains(s.name())) {
                    variants.add(s.name());
                }
            }
            evidence.add(new Evidence(g.getKey(), name(g.getValue()), g.getValue(), variants));
        }
        return new Result(evidence, folded);
    }

    /**
     * The model's name: the most authoritative sighting whose name carries no feature word, cleaned of dates
     * and release words; else the first name with its feature words dropped.
     */
    static String name(List<Sighting> group) {
        Sighting best = null;
        for (Sighting s : group) {
            if (VariantRules.featureWords(s.name()).isEmpty() && (best == null || Evidence.rank(s) < Evidence.rank(best))) {
                best = s;
            }
        }
        if (best != null) {
            return NameNormaliser.cleanName(VariantRules.withoutShortDates(best.name()));
        }
        Sighting first = group.stream().min((a, b) -> Integer.compare(Evidence.rank(a), Evidence.rank(b))).orElseThrow();
        return withoutFeatures(NameNormaliser.cleanName(VariantRules.withoutShortDates(first.name())));
    }

    /** "GPT-5.4 high" → "GPT-5.4"; "gpt-4o-search" → "gpt-4o". Keeps the source's spelling and separators. */
    static String withoutFeatures(String name) {
        String joiner = name.contains(" ") ? " " : "-";
        List<String> kept = new ArrayList<>();
        for (String part : name.split(joiner.equals(" ") ? "\\s+" : "-")) {
            int tokens = NameNormaliser.tokens(part).size();
            if (!part.isEmpty() && (tokens == 0 || VariantRules.featureWords(part).size() < tokens)) {
                kept.add(part);
            }
        }
        String out = String.join(joiner, kept).trim();
        return out.isEmpty() ? name : out;
    }
}
