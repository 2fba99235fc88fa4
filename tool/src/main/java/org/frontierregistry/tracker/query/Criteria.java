package org.frontierregistry.tracker.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.scrape.NameNormaliser;
import org.frontierregistry.tracker.validate.DidYouMean;

/**
 * Which records a query keeps. Every criterion left empty (null or an empty list) keeps everything; the
 * criteria given must all hold. Within one list criterion (--status above,likely_above; --org A --org B)
 * any value may match.
 *
 * @param above     headline FLOP at least this (the published list is "central estimate at least 1e25")
 * @param below     headline FLOP strictly under this
 * @param orgs      organisation names; a record matches when one of its organisations contains the text
 *                  (case, spaces and punctuation ignored), so "meta" finds "Meta AI"
 * @param countries same matching on countries ("china", "united states")
 * @param domains   exact domain names, case ignored
 * @param access    accessibility text contained in the record's ("open weights" finds all three kinds)
 * @param methods   a record matches when one of its estimates uses the method
 * @param since     published on or after (inclusive)
 * @param until     published on or before (inclusive)
 * @param verified  true: only verified records; false: only unverified ones; null: both
 * @param search    text matching the name, an alias or an outside identifier (see {@link #nameMatches})
 */
public record Criteria(Set<Status> statuses, Double above, Double below, Double minPAbove, List<String> orgs,
                       List<String> countries, List<String> domains, List<String> access, Set<Method> methods,
                       LocalDate since, LocalDate until, Boolean verified, String search) {
    public static final Criteria ALL = new Criteria(Set.of(), null, null, null, List.of(), List.of(), List.of(), List.of(),
            Set.of(), null, null, null, null);

    public Criteria {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        orgs = orgs == null ? List.of() : List.copyOf(orgs);
        countries = countries == null ? List.of() : List.copyOf(countries);
        domains = domains == null ? List.of() : List.copyOf(domains);
        access = access == null ? List.of() : List.copyOf(access);
        methods = methods == null ? Set.of() : Set.copyOf(methods);
        if (minPAbove != null && (minPAbove < 0 || minPAbove > 1)) {
            throw new QueryException("--min-p-above expects a probability between 0 and 1, not " + minPAbove);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new QueryException("--since " + since + " is after --until " + until + ": nothing can match");
        }
    }

    public Predicate<ModelRecord> predicate() {
        List<Predicate<ModelRecord>> all = new ArrayList<>();
        if (!statuses.isEmpty()) {
            all.add(r -> statuses.contains(r.status()));
        }
        if (above != null) {
            all.add(r -> r.headlineFlop() != null && r.headlineFlop() >= above);
        }
        if (below != null) {
            all.add(r -> r.headlineFlop() != null && r.headlineFlop() < below);
        }
        if (minPAbove != null) {
            all.add(r -> Fields.tc(r).pAbove() != null && Fields.tc(r).pAbove() >= minPAbove);
        }
        if (!orgs.isEmpty()) {
            all.add(r -> containsAny(r.organizations(), orgs));
        }
        if (!countries.isEmpty()) {
            all.add(r -> containsAny(r.countries(), countries));
        }
        if (!domains.isEmpty()) {
            all.add(r -> r.domains().stream().anyMatch(d -> domains.stream().anyMatch(d::equalsIgnoreCase)));
        }
        if (!access.isEmpty()) {
            all.add(r -> r.accessibility() != null && containsAny(List.of(r.accessibility()), access));
        }
        if (!methods.isEmpty()) {
            all.add(r -> Fields.tc(r).estimates().stream().map(Estimate::method).anyMatch(methods::contains));
        }
        if (since != null) {
            all.add(r -> r.publicationDate() != null && !r.publicationDate().isBefore(since));
        }
        if (until != null) {
            all.add(r -> r.publicationDate() != null && !r.publicationDate().isAfter(until));
        }
        if (verified != null) {
            all.add(r -> r.verified() == verified);
        }
        if (search != null && !search.isBlank()) {
            all.add(nameMatches(search));
        }
        return all.stream().reduce(r -> true, Predicate::and);
    }

    /**
     * A name, alias or outside id matches when it contains the text once both are reduced to letters and
     * digits ({@link NameKey}: "llama 3.1" finds "Llama 3.1-405B"), or when every token the scrapers'
     * {@link NameNormaliser} keeps from the text is among the name's tokens, in any order and ignoring
     * owner prefixes, dates and release words ("405b llama" finds "Meta-Llama-3.1-405B-Instruct").
     */
    static Predicate<ModelRecord> nameMatches(String text) {
        String wanted = NameKey.of(text);
        List<String> wantedTokens = NameNormaliser.tokens(text);
        return r -> r.allNames().stream().anyMatch(name -> NameKey.of(name).contains(wanted)
                || (!wantedTokens.isEmpty() && NameNormaliser.tokens(name).containsAll(wantedTokens)));
    }

    private static boolean containsAny(List<String> values, List<String> wanted) {
        return values.stream().map(NameKey::of).anyMatch(v -> wanted.stream().map(NameKey::of).anyMatch(v::contains));
    }

    /** Status keys as typed (above, likely_above …); an unknown one is an error with a suggestion. */
    public static Set<Status> statuses(List<String> keys) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        List<String> known = Arrays.stream(Status.values()).map(Status::key).toList();
        for (String key : keys) {
            String k = key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (!known.contains(k)) {
                throw new QueryException("unknown status '" + key + "'. " + DidYouMean.phrase(key, known)
                        + "Known: " + String.join(", ", known) + ".");
            }
            statuses.add(Status.fromKey(k));
        }
        return statuses;
    }

    public static Set<Method> methods(List<String> keys) {
        Set<Method> methods = EnumSet.noneOf(Method.class);
        List<String> known = Arrays.stream(Method.values()).map(Method::key).toList();
        for (String key : keys) {
            String k = key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (!known.contains(k)) {
                throw new QueryException("unknown method '" + key + "'. " + DidYouMean.phrase(key, known)
                        + "Known: " + String.join(", ", known) + ".");
            }
            methods.add(Method.fromKey(k));
        }
        return methods;
    }

    /** The first day a date bound covers: 2025 → 2025-01-01, 2025-06 → 2025-06-01, 2025-06-15 as is. */
    public static LocalDate firstDay(String option, String text) {
        return bound(option, text, true);
    }

    /** The last day a date bound covers: 2025 → 2025-12-31, 2025-06 → 2025-06-30. */
    public static LocalDate lastDay(String option, String text) {
        return bound(option, text, false);
    }

    private static LocalDate bound(String option, String text, boolean first) {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                int year = Integer.parseInt(t);
                return first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(t);
                return first ? month.atDay(1) : month.atEndOfMonth();
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new QueryException(option + " expects a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not '" + text + "'");
        }
    }
}
