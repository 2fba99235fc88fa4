package org.frontierregistry.tracker.scrape;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loose form of a model name used to recognise one model under the many names sources give it:
 * "Meta-Llama-3.1-405B-Instruct", "llama-3.1-405b-instruct-bf16" and "Llama 3.1 405B" all become
 * "3.1 405b llama". What is dropped: owner prefixes ("openai/", "Anthropic: ", "meta-"), dates and
 * snapshot numbers ("-2024-05-13", "-0709", "(2025-03-26)", "-2507", "-002"), release and packaging
 * words (instruct, chat, preview, exp, latest, thinking, bf16, …), reasoning-effort words (high,
 * low) and thinking budgets ("16k"). What is
 * kept, because it tells models apart: sizes (405b, a22b), versions (3.1, 4o), and tier words (mini, pro,
 * flash, turbo, lite, air, max, …). Tokens are sorted, so "Claude Opus 4.7" and "claude-4.7-opus" agree.
 */
public final class NameNormaliser {
    private static final Set<String> NOISE = Set.of("instruct", "instruction", "chat", "it", "hf", "preview", "exp",
            "experimental", "latest", "bf16", "fp8", "fp16", "fp4", "int4", "int8", "awq", "gptq", "gguf", "base",
            "thinking", "free", "beta", "version", "model", "high", "low");
    /** Dropped only inside parentheses, where they qualify a mode of the same model: "(Fast)", "(new)". */
    private static final Set<String> PAREN_NOISE = Set.of("fast", "new", "default", "reasoning",
            "medium", "no", "non", "extended", "standard");
    private static final Set<String> OWNER_WORDS = Set.of("meta", "openai", "anthropic", "google", "mistralai", "xai",
            "microsoft");
    private static final Pattern FULL_DATE = Pattern.compile("(?<![0-9])(19|20)\\d{2}[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\\d|3[01])(?![0-9])");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<=[-_ ])(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?![0-9.])");
    private static final Pattern PARENS = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern MMDD = Pattern.compile("(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])");
    private static final Pattern YYMM = Pattern.compile("2[3-9](0[1-9]|1[0-2])");
    private static final Pattern SNAPSHOT = Pattern.compile("0\\d{2}");
    private static final Pattern BUDGET = Pattern.compile("\\d+k");
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern LETTERS_THEN_DIGITS = Pattern.compile("([a-z]{3,})(\\d.*)");
    // Compiled once: String's replaceFirst, split and matches compile their pattern on every call, and a search or
    // a scrape tokenises every name of every record.
    private static final Pattern OWNER_PREFIX = Pattern.compile("^[^:]{1,40}:\\s+");
    private static final Pattern TAG_SUFFIX = Pattern.compile(":[a-z0-9-]+$");
    private static final Pattern TAG_SUFFIX_ANY_CASE = Pattern.compile(":[A-Za-z0-9-]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_TOKEN = Pattern.compile("[^a-z0-9.]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private NameNormaliser() {
    }

    /** The loose key of a name; empty when nothing distinctive is left (then only exact matching applies). */
    public static String key(String name) {
        List<String> tokens = tokens(name);
        if (tokens.stream().noneMatch(t -> t.chars().anyMatch(Character::isDigit))) {
            // "Gemini-Exp-1206" would become "gemini": too little to tell models apart.
            return tokens.size() >= 2 ? String.join(" ", tokens.stream().sorted().toList()) : "";
        }
        return String.join(" ", tokens.stream().sorted().toList());
    }

    /**
     * A display name without the owner prefix, dates, snapshot numbers and release words, keeping the
     * source's spelling: "o3-2025-04-16" → "o3", "Qwen3-30B-A3B-Instruct-2507" → "Qwen3-30B-A3B". When
     * nothing distinctive would be left ("Gemini-Exp-1121"), the name is returned as it was.
     */
    public static String cleanName(String name) {
        if (key(name).isEmpty()) {
            return name.trim();
        }
        String s = name.trim();
        int slash = s.lastIndexOf('/');
        if (slash >= 0 && slash < s.length() - 1) {
            s = s.substring(slash + 1);
        }
        s = TAG_SUFFIX_ANY_CASE.matcher(OWNER_PREFIX.matcher(s).replaceFirst("")).replaceFirst("");
        s = FULL_DATE.matcher(s).replaceAll(" ");
        s = MONTH_DAY.matcher(s).replaceAll(" ");
        s = PARENS.matcher(s).replaceAll(m -> qualifies(m.group(1).toLowerCase(Locale.ROOT)) ? " " : Matcher.quoteReplacement(m.group()));
        String joiner = s.trim().contains(" ") ? " " : "-";
        List<String> kept = new ArrayList<>();
        for (String part : (joiner.equals(" ") ? SPACES : SEPARATORS).split(s.trim())) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (part.isEmpty() || NOISE.contains(lower) || BUDGET.matcher(lower).matches() || SNAPSHOT.matcher(lower).matches()
                    || (!kept.isEmpty() && (MMDD.matcher(lower).matches() || YYMM.matcher(lower).matches()))) {
                continue;
            }
            kept.add(part);
        }
        String cleaned = String.join(joiner, kept).trim();
        return cleaned.isEmpty() ? name.trim() : cleaned;
    }

    private static boolean qualifies(String inside) {
        for (String word : NOT_ALPHANUMERIC.split(inside)) {
            if (!word.isEmpty() && !NOISE.contains(word) && !PAREN_NOISE.contains(word)
                    && !BUDGET.matcher(word).matches() && !DIGITS.matcher(word).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The tokens of the loose form, in their original order. */
    public static List<String> tokens(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        int slash = s.lastIndexOf('/');
        if (slash >= 0 && slash < s.length() - 1) {
            s = s.substring(slash + 1);
        }
        s = OWNER_PREFIX.matcher(s).replaceFirst("");
        s = TAG_SUFFIX.matcher(s).replaceFirst("");
        s = FULL_DATE.matcher(s).replaceAll(" ");
        s = MONTH_DAY.matcher(s).replaceAll(" ");
        s = s.replace("no-thinking", " ").replace("non-thinking", " ").replace("chatgpt", "gpt");
        s = s.replace("+", " plus "); // "Command R+" is the larger model, not "Command R"
        s = dropQualifyingParentheses(s);
        List<String> raw = new ArrayList<>();
        for (String part : NOT_TOKEN.split(s)) {
            for (String piece : splitDots(part)) {
                Matcher m = LETTERS_THEN_DIGITS.matcher(piece);
                if (m.matches()) {
                    raw.add(m.group(1));
                    raw.add(m.group(2));
                } else if (!piece.isEmpty()) {
                    raw.add(piece);
                }
            }
        }
        List<String> merged = new ArrayList<>();
        for (String token : raw) {
            int last = merged.size() - 1;
            if (last >= 0 && SMALL_NUMBER.matcher(token).matches() && SMALL_NUMBER.matcher(merged.get(last)).matches()) {
                merged.set(last, merged.get(last) + "." + token);
            } else {
                merged.add(token);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            String token = merged.get(i);
            boolean first = out.isEmpty();
            if (NOISE.contains(token) || BUDGET.matcher(token).matches() || SNAPSHOT.matcher(token).matches()) {
                continue;
            }
            if (!first && (MMDD.matcher(token).matches() || YYMM.matcher(token).matches())) {
                continue;
            }
            if (first && OWNER_WORDS.contains(token) && i < merged.size() - 1) {
                continue;
            }
            out.add(token);
        }
        return out;
    }

    private static String dropQualifyingParentheses(String s) {
        Matcher m = PARENS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean qualifier = true;
            for (String word : NOT_ALPHANUMERIC.split(m.group(1))) {
                if (!word.isEmpty() && !NOISE.contains(word) && !PAREN_NOISE.contains(word)
                        && !BUDGET.matcher(word).matches() && !DIGITS.matcher(word).matches()) {
                    qualifier = false;
                }
            }
            m.appendReplacement(out, qualifier ? " " : " " + Matcher.quoteReplacement(m.group(1)) + " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "3.1" stays one token; "gpt.4" or a trailing dot splits. */
    private static List<String> splitDots(String part) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean dotBetweenDigits = c == '.' && i > 0 && i < part.length() - 1
                    && Character.isDigit(part.charAt(i - 1)) && Character.isDigit(part.charAt(i + 1));
            if (c == '.' && !dotBetweenDigits) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }
}
