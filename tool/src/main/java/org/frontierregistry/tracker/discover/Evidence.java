package org.frontierregistry.tracker.discover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.frontierregistry.tracker.scrape.Sighting;

/**
 * Everything the sources say about one new model, joined: the sightings of every source (the variants
 * folded into it included), and the facts read from them with the source of each. Where sources disagree,
 * the more authoritative one wins (Epoch AI, then Artificial Analysis, OpenRouter, Hugging Face, LMArena,
 * the news feeds); a benchmark keeps the best score any sighting gave (settings of one model differ).
 *
 * @param key       the join key (see {@link VariantRules#baseKey})
 * @param name      the model's name, without feature words
 * @param sightings every sighting, its folded variants included, the most authoritative source first
 * @param variants  the names among them that carried feature or packaging words (folded into this model)
 */
public record Evidence(String key, String name, List<Sighting> sightings, List<String> variants) {
    /** Sources in the order their facts are trusted. */
    static final List<String> AUTHORITY = List.of("epoch", "artificialanalysis", "openrouter", "huggingface", "lmarena", "feeds");

    public Evidence {
        sightings = sightings.stream().sorted(Comparator.comparingInt(Evidence::rank)).toList();
        variants = List.copyOf(variants);
    }

    static int rank(Sighting s) {
        int i = AUTHORITY.indexOf(s.source());
        return i < 0 ? AUTHORITY.size() : i;
    }

    /** One fact and the source that stated it. */
    public record Fact<T>(T value, Sighting from) {
    }

    public List<String> sources() {
        return sightings.stream().map(Sighting::source).distinct().toList();
    }

    public <T> Fact<T> first(Function<Sighting, T> field) {
        for (Sighting s : sightings) {
            T v = field.apply(s);
            if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                return new Fact<>(v, s);
            }
        }
        return null;
    }

    public List<String> organizations() {
        Fact<List<String>> f = first(Sighting::organizations);
        return f == null ? List.of() : f.value();
    }

    /** Every developer any source names (for matching a line against records). */
    public Set<String> allOrganizations() {
        Set<String> all = new LinkedHashSet<>();
        sightings.forEach(s -> all.addAll(s.organizations()));
        return all;
    }

    /** Sources in the order their dates are trusted: release dates and announcement posts before listing days. */
    static final List<String> DATE_AUTHORITY = List.of("epoch", "artificialanalysis", "feeds", "openrouter", "huggingface");

    /** The publication date: the first of {@link #DATE_AUTHORITY} that gives one. */
    public Fact<LocalDate> date() {
        for (String source : DATE_AUTHORITY) {
            for (Sighting s : sightings) {
                if (s.source().equals(source) && s.date() != null) {
                    return new Fact<>(s.date(), s);
                }
            }
        }
        return first(Sighting::date);
    }

    public Fact<Double> parameters() {
        return first(Sighting::parameters);
    }

    public Fact<Double> activeParameters() {
        return first(Sighting::activeParameters);
    }

    /** Some source says the model is a mixture of experts (with or without an active count). */
    public boolean mixtureOfExperts() {
        return sightings.stream().anyMatch(Sighting::mixtureOfExperts);
    }

    public Fact<Double> trainingTokens() {
        return first(Sighting::trainingTokens);
    }

    public Fact<Double> flop() {
        return first(Sighting::flop);
    }

    /** The best score per benchmark, with the sighting that gave it. */
    public Map<String, Fact<Double>> benchmarks() {
        Map<String, Fact<Double>> best = new TreeMap<>();
        for (Sighting s : sightings) {
            s.benchmarks().forEach((k, v) -> {
                Fact<Double> current = best.get(k);
                if (current == null || v > current.value()) {
                    best.put(k, new Fact<>(v, s));
                }
            });
        }
        return best;
    }

    public Map<String, Double> scores() {
        Map<String, Double> out = new TreeMap<>();
        benchmarks().forEach((k, f) -> out.put(k, f.value()));
        return out;
    }

    /** The developer's accessibility as the most authoritative source gives it. */
    public String accessibility() {
        Fact<String> f = first(Sighting::accessibility);
        return f == null ? null : f.value();
    }

    public List<String> countries() {
        Fact<List<String>> f = first(Sighting::countries);
        return f == null ? List.of() : f.value();
    }

    public List<String> domains() {
        Set<String> all = new LinkedHashSet<>();
        sightings.stream().filter(s -> !s.source().equals("feeds")).forEach(s -> all.addAll(s.domains()));
        List<String> out = new ArrayList<>(all);
        out.sort(Comparator.naturalOrder());
        return out.isEmpty() ? List.of("Language") : out;
    }

    /** Names from every sighting, without repeats, for aliases and identifiers. */
    public List<String> allNames() {
        Set<String> names = new LinkedHashSet<>();
        sightings.forEach(s -> names.addAll(s.allNames()));
        names.remove(null);
        return List.copyOf(names);
    }

    public String flopConfidence() {
        Fact<Double> f = flop();
        return f == null ? null : f.from().flopConfidence();
    }

    public boolean onlyFrom(Set<String> sources) {
        return sightings.stream().map(Sighting::source).allMatch(sources::contains);
    }

    public Sighting main() {
        return sightings.get(0);
    }

    public boolean hasAny(Function<Sighting, ?> field) {
        return sightings.stream().map(field).anyMatch(Objects::nonNull);
    }
}
