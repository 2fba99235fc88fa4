package org.frontierregistry.tracker.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.scrape.NameNormaliser;

/**
 * How model names tell a model from its variants, as general rules rather than a list of answers:
 * <ul>
 * <li><b>Tier words</b> (mini, nano, lite, flash, haiku, small, air, …; pro, max, ultra, opus, large, …) name a
 * different, smaller or larger model: they are kept, so "GPT-5 mini" is never "GPT-5".</li>
 * <li><b>Feature and packaging words</b> (audio, image, tts, search, deep-research, custom-tools, fast, free,
 * thinking, reasoning settings and effort levels, preview/latest/exp, dated snapshots) name the same model or
 * a product around it: they are dropped, so "gpt-4o-search-preview" folds into GPT-4o.</li>
 * </ul>
 * On top of {@link NameNormaliser} (which already drops dates, snapshot numbers and release words).
 */
public final class VariantRules {
    /** Words that make a product around a model, or a setting of it, never a model of its own. */
    static final Set<String> FEATURE_WORDS = Set.of("audio", "image", "images", "tts", "speech", "voice", "realtime",
            "search", "deep", "research", "custom", "tools", "fast", "free", "thinking", "reasoning", "reasoner",
            "nonreasoning", "non", "minimal", "low", "medium-effort", "high", "xhigh", "effort", "adaptive", "instant",
            "online", "computer", "use", "preview", "latest", "exp", "experimental", "beta", "base", "instruct", "chat",
            "it", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** Feature words that make a product around a model (not a release or setting of it): "GPT Audio", "Relace Search". */
    static final Set<String> PRODUCT_WORDS = Set.of("audio", "image", "images", "tts", "speech", "voice", "realtime", "search",
            "deep", "research", "custom", "tools", "computer", "use", "online");
    /** Tier words and their rank: below zero a smaller model of the line, above zero a larger one. */
    static final Map<String, Integer> TIERS = Map.ofEntries(
            Map.entry("nano", -3), Map.entry("micro", -3), Map.entry("tiny", -3),
            Map.entry("mini", -2), Map.entry("lite", -2), Map.entry("small", -2), Map.entry("haiku", -2), Map.entry("air", -2),
            Map.entry("flash", -1),
            Map.entry("medium", 0), Map.entry("sonnet", 0), Map.entry("turbo", 0),
            Map.entry("pro", 1), Map.entry("plus", 1), Map.entry("large", 1), Map.entry("opus", 1), Map.entry("max", 1),
            Map.entry("premier", 1), Map.entry("heavy", 1), Map.entry("ultra", 2));
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9.]+");
    /** Numbered pre-releases ("beta1", "exp2") are release words too. */
    private static final Pattern NUMBERED_RELEASE = Pattern.compile("(?i)(?<![a-z])(beta|exp|preview|rc)\\d+(?![a-z0-9])");
    /** Short dated snapshots the name matcher keeps: "26-02-10" (yy-mm-dd). */
    private static final Pattern SHORT_DATE = Pattern.compile("(?<![0-9])(\\d{2}[-_](0[1-9]|1[0-2])[-_](0[1-9]|[12]\\d|3[01])"
            + "|(0[1-9]|1[0-2])[-_/](19|20)\\d{2})(?![0-9])");
    private static final Pattern SIZE = Pattern.compile("(a|e)?\\d+(\\.\\d+)?[bmt]");
    private static final Pattern VERSION = Pattern.compile("([a-z]{0,2})(\\d+(?:\\.\\d+)*)([a-z]?)");

    private VariantRules() {
    }

    /**
     * The name's tokens without feature and packaging suffixes, in their original order. Only words after the
     * version count as suffixes: "GPT-4o Audio" is GPT-4o, but "GPT Image 2" is a product line of its own.
     */
    public static List<String> baseTokens(String name) {
        return suffixesDropped(tokens(name));
    }

    private static List<String> suffixesDropped(List<String> words) {
        List<String> out = new ArrayList<>();
        // Without any version every feature word goes ("GPT Audio" is a product, not a model version).
        boolean versioned = words.stream().noneMatch(w -> w.chars().anyMatch(Character::isDigit) && !YEAR.matcher(w).matches());
        for (String t : words) {
            if (!(versioned && isFeature(t))) {
                out.add(t);
            }
            versioned |= t.chars().anyMatch(Character::isDigit) && !YEAR.matcher(t).matches();
        }
        return out;
    }

    /**
     * The feature and packaging words the name carries, as written (empty: the name is the model itself).
     * Read from the raw words, because the name matcher already drops some of them ("thinking", "(Fast)").
     */
    public static List<String> featureWords(String name) {
        List<String> out = new ArrayList<>();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!withoutShortDates(lower).equals(lower.trim().replace("+", " plus ").trim())) {
            out.add("snapshot");
        }
        List<String> words = List.of(NOT_WORD.split(withoutShortDates(lower)));
        boolean versioned = false;
        boolean anyVersion = words.stream().anyMatch(w -> w.chars().anyMatch(Character::isDigit) && !YEAR.matcher(w).matches());
        for (String word : words) {
            // Without any version, feature words mark a product ("GPT Audio"); with one, only suffixes count.
            if (!word.isEmpty() && isFeature(word) && (versioned || !anyVersion) && !out.contains(word)) {
                out.add(word);
            }
            versioned |= word.chars().anyMatch(Character::isDigit) && !YEAR.matcher(word).matches();
        }
        return out;
    }

    /**
     * The name without short dated snapshots ("...-chat-26-02-10", "Preview 09-2025") and numbered pre-releases
     * ("grok-4.20-beta1"); "+" is spelled out, so "Command R+" stays apart from "Command R".
     */
    public static String withoutShortDates(String name) {
        String s = NUMBERED_RELEASE.matcher(SHORT_DATE.matcher(name).replaceAll(" ")).replaceAll(" ").trim();
        return s.replace("+", " plus ").trim();
    }

    private static List<String> tokens(String name) {
        return NameNormaliser.tokens(withoutShortDates(name));
    }

    private static boolean isFeature(String token) {
        return FEATURE_WORDS.contains(token) || YEAR.matcher(token).matches();
    }

    /**
     * The key variants of one model share: the base tokens, sorted. Empty when nothing distinctive is left
     * (no version or size digit and fewer than two words, e.g. "gpt-audio": a product, not a model version).
     */
    public static String baseKey(String name) {
        List<String> tokens = baseTokens(name);
        boolean distinctive = tokens.stream().anyMatch(t -> t.chars().anyMatch(Character::isDigit)) || tokens.size() >= 2;
        return distinctive && !tokens.isEmpty() ? String.join(" ", tokens.stream().sorted().toList()) : "";
    }

    /** A name without any version that carries a product word ("GPT Audio Mini"): a product, not a model version. */
    public static boolean isProduct(String name) {
        return !versioned(name) && featureWords(name).stream().anyMatch(PRODUCT_WORDS::contains);
    }

    /** Whether the name carries a version or size number at all (not counting years). */
    public static boolean versioned(String name) {
        return tokens(name).stream().anyMatch(t -> t.chars().anyMatch(Character::isDigit) && !YEAR.matcher(t).matches());
    }

    /** The tier rank of a name: the strongest tier word it carries, 0 when none. */
    public static int tier(List<String> tokens) {
        int tier = 0;
        boolean found = false;
        for (String t : tokens) {
            Integer rank = TIERS.get(t);
            if (rank != null && (!found || Math.abs(rank) > Math.abs(tier))) {
                tier = rank;
                found = true;
            }
        }
        return tier;
    }

    /**
     * The model line a name belongs to: family ("gpt", "claude", "o"), version numbers, tier, and the other
     * words that tell lines apart ("codex", "coder", "vl"). Sizes and tier words are not part of the line.
     * Null when the name carries no version.
     */
    public static ModelLine line(String name) {
        List<String> tokens = baseTokens(name);
        String family = null;
        List<Integer> version = null;
        List<String> rest = new ArrayList<>();
        for (String t : tokens) {
            if (TIERS.containsKey(t) || SIZE.matcher(t).matches()) {
                continue;
            }
            var m = VERSION.matcher(t);
            if (version == null && m.matches()) {
                version = numbers(m.group(2));
                if (family == null) {
                    family = m.group(1).isEmpty() ? null : m.group(1);
                } else if (!m.group(1).isEmpty()) {
                    rest.add(m.group(1));
                }
                if (!m.group(3).isEmpty()) {
                    rest.add(m.group(3));
                }
            } else if (family == null && t.chars().allMatch(Character::isLetter)) {
                family = t;
            } else {
                rest.add(t);
            }
        }
        if (family == null || version == null) {
            return null;
        }
        return new ModelLine(family, version, tier(tokens), List.copyOf(rest));
    }

    private static List<Integer> numbers(String dotted) {
        List<Integer> out = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            out.add(part.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(part));
        }
        return out;
    }
}
