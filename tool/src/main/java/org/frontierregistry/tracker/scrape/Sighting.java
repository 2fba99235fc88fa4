package org.frontierregistry.tracker.scrape;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry a source lists, translated into the registry's vocabulary. Sources only fill what the entry
 * states; everything else stays null or empty. The runner, not the source, decides what to do with it.
 *
 * @param source         the source's name (epoch, lmarena, openrouter)
 * @param key            the entry's key in that source (Epoch's Model, an arena name, an OpenRouter id)
 * @param name           the model's name as a person would write it
 * @param otherNames     further names the entry carries (display names, API slugs, Hugging Face ids)
 * @param identifiers    outside keys to record, by identifiers field (epoch, lmarena, openrouter, huggingface)
 * @param organizations  developers, in Epoch AI's spelling where the source lets us tell
 * @param date           publication (or, where only that is known, listing) date
 * @param parameters     total parameters the source states
 * @param activeParameters active parameters for mixture-of-experts
 * @param trainingTokens training tokens the source states
 * @param flop           the source's training-compute figure
 * @param flopConfidence the source's confidence in that figure (Confident, Likely, Speculative), or null
 * @param benchmarks     benchmark scores by the record's benchmark keys (e.g. lmarena_text)
 * @param url            where a person can see the entry (the source's own link for it)
 * @param evidence       what the bot saw, in plain words, for the reasoning and the PR body
 * @param notable        the source considers the entry worth a candidate (e.g. a top arena rank); others only update
 * @param mixtureOfExperts the source says the model is a mixture of experts (also when it gives no active count)
 */
public record Sighting(String source, String key, String name, List<String> otherNames,
                       Map<String, List<String>> identifiers, List<String> organizations, List<String> countries,
                       List<String> domains, String accessibility, LocalDate date, Double parameters,
                       Double activeParameters, Double trainingTokens, Double flop, String flopConfidence,
                       Map<String, Double> benchmarks, String url, String evidence, boolean notable,
                       boolean mixtureOfExperts) {
    /** An entry whose source says nothing about the architecture beyond an active count (which implies experts). */
    public Sighting(String source, String key, String name, List<String> otherNames,
                    Map<String, List<String>> identifiers, List<String> organizations, List<String> countries,
                    List<String> domains, String accessibility, LocalDate date, Double parameters,
                    Double activeParameters, Double trainingTokens, Double flop, String flopConfidence,
                    Map<String, Double> benchmarks, String url, String evidence, boolean notable) {
        this(source, key, name, otherNames, identifiers, organizations, countries, domains, accessibility, date, parameters,
                activeParameters, trainingTokens, flop, flopConfidence, benchmarks, url, evidence, notable, false);
    }

    public Sighting {
        mixtureOfExperts = mixtureOfExperts || activeParameters != null;
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
        identifiers = identifiers == null ? Map.of() : new TreeMap<>(identifiers);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        countries = countries == null ? List.of() : List.copyOf(countries);
        domains = domains == null ? List.of() : List.copyOf(domains);
        benchmarks = benchmarks == null ? Map.of() : new TreeMap<>(benchmarks);
    }

    /** The name, then the other names, without repeats. */
    public List<String> allNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(name);
        names.add(key);
        names.addAll(otherNames);
        return List.copyOf(names);
    }
}
