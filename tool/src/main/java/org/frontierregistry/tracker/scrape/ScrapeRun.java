package org.frontierregistry.tracker.scrape;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.validate.RecordCheck;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;

/**
 * The shared runner: turns a source's sightings into a {@link ScrapePlan} against the registry's records
 * (those on the main branch when proposing): which entries are records we track (and the updates they
 * bring), and which notable entries are new (joined across sources by
 * {@link org.frontierregistry.tracker.discover.Discovery}). Sources never see records; this class never sees HTTP.
 */
public final class ScrapeRun {
    private final RecordSet records;
    private final Map<String, byte[]> recordFiles;
    private final Path root;
    private final Validator validator;
    private final List<RecordCheck> checks;
    private final CandidateEstimates estimates;

    /**
     * @param records     the registry's records (main's, when proposing)
     * @param recordFiles their files by path relative to the root (models/x.yaml), for validating edits in context
     */
    public ScrapeRun(RecordSet records, Map<String, byte[]> recordFiles, Path root, Validator validator, List<RecordCheck> checks,
                     CandidateEstimates estimates) {
        this.records = records;
        this.recordFiles = recordFiles;
        this.root = root;
        this.validator = validator;
        this.checks = List.copyOf(checks);
        this.estimates = estimates;
    }

    public ScrapePlan plan(String source, List<Sighting> sightings) {
        List<ModelRecord> all = records.records();
        NameMatcher matcher = new NameMatcher(all);
        Map<String, List<Sighting>> matchedBy = new LinkedHashMap<>();
        Map<String, List<NameMatcher.Match>> matchesBy = new LinkedHashMap<>();
        List<Sighting> unmatched = new ArrayList<>();
        List<ScrapePlan.Ambiguity> ambiguous = new ArrayList<>();
        List<ScrapePlan.Pairing> pairings = new ArrayList<>();
        int matched = 0;
        int ignored = 0;
        for (Sighting s : sightings) {
            NameMatcher.Match m = matcher.match(s);
            if (m.found()) {
                matched++;
                pairings.add(new ScrapePlan.Pairing(s.key(), m.recordId(), m.how()));
                matchedBy.computeIfAbsent(m.recordId(), k -> new ArrayList<>()).add(s);
                matchesBy.computeIfAbsent(m.recordId(), k -> new ArrayList<>()).add(m);
            } else if (m.isAmbiguous()) {
                ambiguous.add(new ScrapePlan.Ambiguity(s.key(), List.copyOf(m.ambiguous())));
            } else if (s.notable()) {
                unmatched.add(s);
            } else {
                ignored++;
            }
        }
        List<String> invalid = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (ModelRecord r : all) {
            owners.putIfAbsent(NameKey.of(r.id()), r.id());
            r.allNames().forEach(n -> owners.putIfAbsent(NameKey.of(n), r.id()));
        }
        UpdateBuilder updater = new UpdateBuilder(owners, estimates, all);
        List<RecordUpdate> updates = new ArrayList<>();
        List<ScrapePlan.Pairing> declined = new ArrayList<>();
        for (Map.Entry<String, List<Sighting>> e : matchedBy.entrySet()) {
            LoadedRecord loaded = records.find(e.getKey()).orElseThrow();
            // An entry the reviewer declined for this record stays matched (it is no new model on its
            // account) but brings the record nothing: no name, identifier, score or figure.
            List<Sighting> kept = new ArrayList<>();
            List<NameMatcher.Match> keptMatches = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                Sighting s = e.getValue().get(i);
                if (declined(loaded.record(), s)) {
                    declined.add(new ScrapePlan.Pairing(s.key(), loaded.record().id(), matchesBy.get(e.getKey()).get(i).how()));
                } else {
                    kept.add(s);
                    keptMatches.add(matchesBy.get(e.getKey()).get(i));
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            RecordUpdate u = updater.build(source, loaded, kept, keptMatches);
            if (u.changes().isEmpty()) {
                continue;
            }
            List<Problem> problems = validate(u.path(), u.text());
            if (problems.isEmpty()) {
                updates.add(u);
            } else {
                invalid.add(u.recordId() + ": the update does not validate: " + describe(problems));
            }
        }
        return new ScrapePlan(source, sightings.size(), matched, matchedBy.size(), ignored, List.copyOf(unmatched),
                List.copyOf(updates), List.copyOf(ambiguous), List.copyOf(invalid), List.copyOf(pairings), List.copyOf(declined));
    }

    /** The record declines the entry when its declined list for the source names the entry's key or any of its names or identifiers. */
    static boolean declined(ModelRecord record, Sighting s) {
        if (record.declined().get(s.source()) == null) {
            return false;
        }
        List<String> names = new ArrayList<>(s.allNames());
        s.identifiers().values().forEach(names::addAll);
        return names.stream().anyMatch(n -> record.declineReason(s.source(), n) != null);
    }

    /** Validates one file's new text among the registry's other records, as CI would after merging it. */
    public List<Problem> validate(String path, String text) {
        Path target = root.resolve(path);
        // The file alone first (reading, schema, file name) ...
        ValidationReport own = validator.validateFiles(Map.of(target, text.getBytes(StandardCharsets.UTF_8)));
        List<LoadedRecord> mine = own.records().loaded();
        if (mine.isEmpty()) {
            return own.problems();
        }
        // ... whose cross-record checks ran without the other records, so set those aside ...
        Set<Problem> alone = new HashSet<>();
        RecordSet single = new RecordSet(mine);
        checks.forEach(check -> alone.addAll(check.check(single)));
        List<Problem> problems = new ArrayList<>(own.problems().stream().filter(p -> !alone.contains(p)).toList());
        // ... and run them again among the other records, without re-reading those each time.
        List<LoadedRecord> together = new ArrayList<>();
        for (LoadedRecord r : records.loaded()) {
            if (!r.file().getFileName().equals(target.getFileName())) {
                together.add(r);
            }
        }
        together.addAll(mine);
        // Reported on: this file only. The checks of one record at a time then look at it alone, not at the
        // registry's 10,000 others for each proposal; the checks across records still see them all.
        RecordSet set = new RecordSet(together, r -> r.file().equals(target));
        for (RecordCheck check : checks) {
            check.check(set).stream().filter(p -> p.file().equals(target)).forEach(problems::add);
        }
        return problems;
    }

    public static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.message()).collect(Collectors.joining("; "));
    }
}
