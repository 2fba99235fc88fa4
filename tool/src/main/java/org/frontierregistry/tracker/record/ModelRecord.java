package org.frontierregistry.tracker.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One model, as written in {@code models/<id>.yaml} (see schema/model.schema.json for every field). */
public record ModelRecord(String id, String name, List<String> aliases, Identifiers identifiers,
                          List<String> organizations, List<String> countries, LocalDate publicationDate,
                          List<String> domains, String accessibility, Double parameters, Double activeParameters,
                          Double trainingTokens, Hardware hardware, Map<String, Double> benchmarks,
                          TrainingCompute trainingCompute, Status status, String statusReasoning, String notes,
                          List<Source> sources, Review review, Provenance provenance,
                          Map<String, Map<String, String>> declined) {
    public ModelRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        identifiers = identifiers == null ? Identifiers.NONE : identifiers;
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        countries = countries == null ? List.of() : List.copyOf(countries);
        domains = domains == null ? List.of() : List.copyOf(domains);
        benchmarks = benchmarks == null ? Map.of() : new TreeMap<>(benchmarks);
        sources = sources == null ? List.of() : List.copyOf(sources);
        Map<String, Map<String, String>> copy = new TreeMap<>();
        if (declined != null) {
            declined.forEach((source, names) -> copy.put(source, names == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new TreeMap<>(names))));
        }
        declined = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The reason a reviewer gave for declining {@code name} from {@code source} as part of this record, or
     * null. Names compare by {@link NameKey}, so "DeepSeek-R1-0528" declines "deepseek-r1-0528" too.
     */
    public String declineReason(String source, String name) {
        Map<String, String> names = declined.get(source);
        if (names == null || name == null) {
            return null;
        }
        String key = NameKey.of(name);
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (!key.isEmpty() && NameKey.of(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The name, the aliases and every outside key: all the strings this model may appear under. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(aliases);
        if (identifiers.epoch() != null) {
            names.add(identifiers.epoch());
        }
        names.addAll(identifiers.huggingface());
        names.addAll(identifiers.lmarena());
        names.addAll(identifiers.openrouter());
        return names;
    }

    public boolean verified() {
        return review != null && review.verified();
    }

    /** The headline FLOP, or null when no estimate could be made. */
    public Double headlineFlop() {
        return trainingCompute == null ? null : trainingCompute.flop();
    }
}
