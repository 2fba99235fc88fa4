package org.frontierregistry.tracker.validate;

import static org.frontierregistry.tracker.concurrent.Futures.joined;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.frontierregistry.tracker.record.FileStamp;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RecordSummary;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.record.YamlDocument;

/**
 * Validates record files: YAML reading, the JSON Schema, the file-name rule, then the semantic
 * {@link RecordCheck}s over the files asked about together with their context (the other records).
 */
public final class Validator {
    /** Up to this many files asked about, with the rest as context, their trees are found by walking the trees file. */
    private static final int FEW_FILES = 16;

    private final SchemaValidator schema;
    private final List<RecordCheck> checks;
    private final RecordReader reader = new RecordReader();
    private final ValidationCache cache;
    /** The day the checks judge dates by, when known: then a registry known clean that day skips them. */
    private final LocalDate day;
    /** The record files as {@link #prepare} listed them, the registry this validator then takes as they were; or null. */
    private volatile Listing listed;

    private record Listing(RegistryLayout layout, List<Path> files) {
    }

    public Validator(SchemaValidator schema, List<RecordCheck> checks) {
        this(schema, checks, ValidationCache.disabled());
    }

    public Validator(SchemaValidator schema, List<RecordCheck> checks, ValidationCache cache) {
        this(schema, checks, cache, null);
    }

    /** @param day the day {@code checks} judge dates by (their clock's), or null to always run them */
    public Validator(SchemaValidator schema, List<RecordCheck> checks, ValidationCache cache, LocalDate day) {
        this.schema = schema;
        this.checks = List.copyOf(checks);
        this.cache = cache;
        this.day = day;
    }

    /** The validator of a registry checkout: its schema, the standard checks and the layout's cache. */
    public static Validator forRegistry(RegistryLayout layout, Clock clock) throws IOException {
        List<RecordCheck> checks = new ArrayList<>(Checks.standard(clock));
        checks.addAll(Checks.advisory());
        SchemaValidator schema = SchemaValidator.load(layout.schemaFile(),
                layout.cacheFile().map(file -> SchemaRulesMark.besideCache(file, ValidationCache.toolBuild())).orElse(SchemaRulesMark.none()),
                layout.cacheFile().map(file -> SchemaDigest.besideCache(file, System.currentTimeMillis())).orElse(SchemaDigest.none()));
        ValidationCache cache = layout.cacheFile()
                .map(file -> ValidationCache.open(file, ValidationCache.toolBuild(), schema.digest()))
                .orElse(ValidationCache.disabled());
        return new Validator(schema, checks, cache, LocalDate.now(clock));
    }

    /**
     * Lists the registry's record files and stamps them now, ahead of the validation a command will ask for (it
     * runs while the command line is still being read). Every later validation of this registry by this validator
     * takes its record files as listed here, as if the command had started at this moment; the stamps are those
     * the first question of the cache reuses ({@link ValidationCache#cleanState}). When the files are not as the
     * clean run found them, a record will be checked against the schema, which starts compiling at once; when the
     * cache expects a change (no clean run, or the last run's stamps did not hold: an edit, validate loop), it
     * starts before the listing, as the compile (0.2-0.25 s) was then the last thing a one-file validation waited for.
     */
    public void prepare(RegistryLayout layout) {
        if (cache.changeLikely()) {
            schema.compileInBackground();
        }
        listed = new Listing(layout, layout.recordFiles());
        if (cleanState(layout) == null) {
            schema.compileInBackground();
        }
    }

    /** Writes nothing to the cache from now on, once a write under way is done ({@link ValidationCache#stopWriting}). */
    public void stopWriting() {
        cache.stopWriting();
    }

    /** The registry's record files: as {@link #prepare} listed them, else as they are now. */
    private List<Path> recordFiles(RegistryLayout layout) {
        Listing listing = listed;
        return listing != null && listing.layout().equals(layout) ? listing.files() : layout.recordFiles();
    }

    /**
     * The state of the registry's clean run of this day when every record file has the content that run found
     * (or that this run found clean since), else null: what a build is made from, beside this tool and schema
     * ({@link ValidationCache#cleanState}). A validation that follows reuses the file stamps this took.
     */
    public String cleanState(RegistryLayout layout) {
        return day == null ? null : cache.cleanState(recordFiles(layout), day);
    }

    /**
     * The clean run's state of the records this validator last validated (or asked {@link #cleanState} of), when
     * they were found clean: what the outputs just made from them were made from. Null otherwise.
     */
    public String cleanStateValidated() {
        return cache.lastCleanState();
    }

    /**
     * Validates every record of the registry, reading each in full. When the cache knows the registry was found
     * clean (no problem, no warning) with the same contents on the same day, the checks, whose answer is known,
     * are not run again; when a few files changed since, they run on those and the records a change can reach
     * ({@link RecheckScope}), with every other record as context.
     */
    public ValidationReport validateAll(RegistryLayout layout) {
        return validateAll(layout, StandIns.NONE);
    }

    /**
     * As {@link #validateAll(RegistryLayout)}, except that a record whose content has not changed since the clean
     * run, and that {@code standIns} has for that content, is taken as that stand-in instead of read (unless a
     * change can reach it): the report's records are then partly such stand-ins.
     */
    public ValidationReport validateAll(RegistryLayout layout, StandIns standIns) {
        if (standIns == StandIns.NONE) {
            cache.readingEveryFile();
        }
        List<Path> files = recordFiles(layout);
        ValidationCache.Changes changes = day == null ? null : cache.changesSinceClean(files, day);
        if (changes != null && (changes.none() || fewChanges(changes))) {
            cache.readingFewFiles(false);
            if (!changes.none()) {
                checks.forEach(RecordCheck::prepare);
            }
            List<String> digests = standIns == StandIns.NONE ? null : cache.digestsNow(files, day);
            Set<Path> changed = new HashSet<>(changes.changed());
            List<Loaded> read = java.util.stream.IntStream.range(0, files.size()).parallel().mapToObj(i -> {
                LoadedRecord standIn = digests == null || changed.contains(files.get(i)) ? null
                        : standIns.standIn(absolute(files.get(i)), digests.get(i));
                return standIn != null ? new Loaded(standIn, List.of(), true) : loadReporting(absolute(files.get(i)), true);
            }).toList();
            cache.save();
            ValidationReport known = changes.none() ? knownClean(files, read) : rechecked(files, changes, read);
            if (known != null) {
                return known;
            }
        }
        return validateAllRemembering(files);
    }

    private static boolean fewChanges(ValidationCache.Changes changes) {
        return changes.changed().size() + changes.removed().size() <= FEW_FILES;
    }

    /** The clean run's answer, with every record read; null if a file no longer reads cleanly (it changed meanwhile). */
    private static ValidationReport knownClean(List<Path> files, List<Loaded> read) {
        if (!read.stream().allMatch(f -> f.record() != null && f.problems().isEmpty())) {
            return null;
        }
        return new ValidationReport(files.size(), List.of(), List.of(),
                new RecordSet(read.stream().map(Loaded::record).toList(), record -> true));
    }

    /**
     * The checks run again on the changed files and those a change can reach, every record read in full (so
     * none is a stand-in); the report holds every record. Null when a change reaches too many records.
     */
    private ValidationReport rechecked(List<Path> files, ValidationCache.Changes changes, List<Loaded> read) {
        Set<Path> changed = new HashSet<>(changes.changed());
        List<Loaded> changedFiles = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (changed.contains(files.get(i))) {
                changedFiles.add(read.get(i));
            }
        }
        Set<Path> recheck = scope(changes, changedFiles, files);
        if (recheck == null) {
            return null;
        }
        List<Loaded> asked = new ArrayList<>();
        List<Loaded> context = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Loaded file = read.get(i);
            if (recheck.contains(files.get(i))) {
                asked.add(file.summary() ? loadReporting(absolute(files.get(i)), true) : file);
            } else {
                context.add(file);
            }
        }
        if (context.stream().anyMatch(f -> f.record() == null || !f.problems().isEmpty())) {
            return null; // an unchanged file that no longer reads cleanly changed meanwhile
        }
        ValidationReport found = assemble(asked, reachedInFull(asked, context), askedAbout(absolute(recheck)));
        rememberIfClean(found, files);
        return new ValidationReport(files.size(), found.problems(), found.warnings(), new RecordSet(found.records().loaded()));
    }

    /**
     * The files to check again for these changes ({@link RecheckScope}), given what the changed files read as now;
     * null when the change reaches so many records (one many others compare with) that checking all is as quick.
     */
    private static Set<Path> scope(ValidationCache.Changes changes, List<Loaded> changedFiles, List<Path> files) {
        List<ModelRecord> changedRecords = changedFiles.stream().filter(f -> f.record() != null && f.problems().isEmpty())
                .map(f -> f.record().record()).toList();
        Set<Path> recheck = RecheckScope.of(changes, changedRecords);
        return recheck.size() > Math.max(FEW_FILES, files.size() / 4) ? null : recheck;
    }

    /** Remembers a validation of all these files that found no problem and no warning as the clean run. */
    private void rememberIfClean(ValidationReport found, List<Path> files) {
        if (day != null && found.problems().isEmpty() && found.warnings().isEmpty()) {
            cache.rememberClean(files, day);
        }
    }

    private ValidationReport validateAllRemembering(List<Path> files) {
        ValidationReport report = validate(files, List.of());
        if (report.filesChecked() == files.size()) {
            rememberIfClean(report, files);
        }
        return report;
    }

    /**
     * Validates every record of the registry for {@code tracker validate}, which prints only the findings: when
     * the cache knows that the same files with the same contents were found clean (no problem, no warning) on
     * the same day, that is the answer and no record is read (the report then holds no records); when a few
     * files changed since, only those and the records they reach are checked ({@link #recheck}).
     */
    public ValidationReport validateAllFindings(RegistryLayout layout) {
        List<Path> files = recordFiles(layout);
        ValidationCache.Changes changes = day == null ? null : cache.changesSinceClean(files, day);
        if (changes != null && changes.none()) {
            return cleanRunsAnswer(files.size());
        }
        ValidationReport sinceClean = changes == null ? null : recheck(files, changes);
        return sinceClean != null ? sinceClean : validateAllRemembering(files);
    }

    /**
     * Validates the files asked about with every record of the registry as context ({@code tracker validate FILE}),
     * as {@link #validate} does. When each is one of the registry's record files and every file has the content the
     * registry's clean run found earlier this day, that is the answer: nothing to say, and nothing read. Otherwise
     * the other files enter as the summaries that telling it gave, without being stamped again.
     */
    public ValidationReport validateWithin(RegistryLayout layout, List<Path> targets) {
        List<Path> files = recordFiles(layout);
        Set<Path> asked = asked(targets);
        ValidationCache.KnownNow now = day == null || !inRegistry(asked, files) ? null : cache.knownNow(files, day);
        if (now == null) {
            return validate(targets, files);
        }
        if (now.clean()) {
            return cleanRunsAnswer(asked.size());
        }
        Predicate<Path> isAsked = askedAbout(asked);
        List<Integer> others = java.util.stream.IntStream.range(0, files.size()).filter(i -> !isAsked.test(files.get(i)))
                .boxed().toList();
        return validate(asked, others.size(), () -> others.parallelStream()
                .map(i -> contextRecord(absolute(files.get(i)), now.summaries().get(i))).toList());
    }

    /** The clean run's answer for this many files, no record read: nothing to say. */
    private ValidationReport cleanRunsAnswer(int filesChecked) {
        cache.save(); // the new stamps of files touched but not edited
        return new ValidationReport(filesChecked, List.of(), List.of(), new RecordSet(List.of()));
    }

    /** Whether every file asked about is one of the registry's; only files of an asked file's name are made absolute. */
    private static boolean inRegistry(Set<Path> asked, List<Path> files) {
        Predicate<Path> named = askedAbout(asked);
        Set<Path> found = new HashSet<>();
        files.stream().filter(named).forEach(file -> found.add(absolute(file)));
        return found.containsAll(asked);
    }

    /**
     * The registry was found clean earlier this day and a few files changed or went since: checks again only
     * those and the files a change can affect ({@link RecheckScope}), with every other record as its summary's
     * stand-in. The findings are those of a full validation, at about the cost of validating a few files; the
     * report's records are then mostly stand-ins.
     *
     * @return null when too much changed for that to be quicker
     */
    private ValidationReport recheck(List<Path> files, ValidationCache.Changes changes) {
        if (!fewChanges(changes)) {
            return null;
        }
        checks.forEach(RecordCheck::prepare);
        cache.readingFewFiles(true);
        List<Loaded> read = new ArrayList<>(changes.changed().parallelStream().map(f -> loadReporting(absolute(f), true)).toList());
        Set<Path> recheck = scope(changes, read, files);
        if (recheck == null) {
            return null;
        }
        List<Path> tied = recheck.stream().filter(file -> !changes.changed().contains(file)).toList();
        read.addAll(tied.parallelStream().map(f -> loadReporting(absolute(f), true)).toList());
        List<Loaded> context = new ArrayList<>(changes.unchanged().size());
        changes.unchanged().forEach((file, summary) -> {
            if (!recheck.contains(file)) {
                context.add(contextRecord(absolute(file), summary));
            }
        });
        List<Loaded> contextual = reachedInFull(read, context);
        ValidationReport found = assemble(read, contextual, askedAbout(absolute(recheck)));
        cache.save();
        ValidationReport whole = new ValidationReport(files.size(), found.problems(), found.warnings(), found.records());
        rememberIfClean(whole, files);
        return whole;
    }

    private static Path absolute(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static Set<Path> absolute(Set<Path> files) {
        Set<Path> absolute = new HashSet<>();
        files.forEach(file -> absolute.add(absolute(file)));
        return absolute;
    }

    /**
     * @param targets files to report on
     * @param context further files whose records take part in cross-record checks (e.g. the rest of models/).
     *                With the cache on, a context file whose content the cache summarised enters as that
     *                summary ({@link RecordSummary#standIn()}: id, names, date, comparison references); the
     *                records the targets refer to by comparison, directly or through others, are read in full.
     *                The report's records are then partly such stand-ins.
     */
    public ValidationReport validate(List<Path> targets, List<Path> context) {
        Set<Path> asked = asked(targets);
        List<Path> others = context.stream().map(Validator::absolute).filter(f -> !asked.contains(f)).toList();
        return validate(asked, others.size(), () -> others.parallelStream()
                .map(f -> cache.enabled() ? summaryOrRecord(f) : loadReporting(f, false)).toList());
    }

    private static Set<Path> asked(List<Path> targets) {
        Set<Path> asked = new LinkedHashSet<>();
        targets.forEach(t -> asked.add(absolute(t)));
        return asked;
    }

    /**
     * @param asked   the files to report on, absolute
     * @param others  how many context files there are
     * @param context the context files' records, their summaries' stand-ins where the cache knows them
     */
    private ValidationReport validate(Set<Path> asked, int others, Supplier<List<Loaded>> context) {
        cache.readingFewFiles(others > 0 && asked.size() <= FEW_FILES);
        checks.forEach(RecordCheck::prepare);
        // Files are independent until the cross-record checks: the context is read on the pool's threads while
        // this one reads the files asked about (one file's parse and schema check would leave the other core idle).
        CompletableFuture<List<Loaded>> contextRead = CompletableFuture.supplyAsync(context);
        List<Loaded> read = new ArrayList<>(asked).parallelStream().map(f -> loadReporting(f, true)).toList();
        List<Loaded> contextual = cache.enabled() ? reachedInFull(read, new ArrayList<>(joined(contextRead))) : joined(contextRead);
        cache.save();
        return assemble(read, contextual, askedAbout(asked));
    }

    /**
     * Whether a file is one of those asked about. Asked of each of 10,000 context records, so the file's name is
     * compared first and only a path with an asked file's name is made absolute.
     */
    private static Predicate<Path> askedAbout(Set<Path> asked) {
        Set<Path> names = new HashSet<>();
        asked.forEach(file -> names.add(file.getFileName()));
        return file -> names.contains(file.getFileName()) && asked.contains(absolute(file));
    }

    /** The context with every stand-in the targets' comparisons reach, directly or through others, read in full instead. */
    private List<Loaded> reachedInFull(List<Loaded> targets, List<Loaded> context) {
        Map<String, List<Integer>> byId = new HashMap<>();
        for (int i = 0; i < context.size(); i++) {
            if (context.get(i).record() != null) {
                byId.computeIfAbsent(context.get(i).record().id(), id -> new ArrayList<>()).add(i);
            }
        }
        List<String> referred = new ArrayList<>();
        targets.stream().filter(t -> t.record() != null).forEach(t -> referred.addAll(RecordSummary.references(t.record().record())));
        ReferenceWalk.from(referred, id -> {
            List<String> next = new ArrayList<>();
            for (int i : byId.getOrDefault(id, List.of())) {
                Loaded full = context.get(i).summary() ? loadReporting(context.get(i).record().file(), false) : context.get(i);
                context.set(i, full);
                if (full.record() != null) {
                    next.addAll(RecordSummary.references(full.record().record()));
                }
            }
            return next;
        });
        return context;
    }

    /** A context file as its summary when the cache knows its content, else as its record read in full. */
    private Loaded summaryOrRecord(Path file) {
        FileStamp stamp = FileStamp.of(file);
        RecordSummary summary = cache.summary(file, stamp);
        if (summary == null && stamp != null) {
            RecordReader.Bytes bytes = reader.bytes(file);
            if (bytes.failure() == null) {
                String digest = cache.digest(file, stamp, bytes.content());
                summary = cache.summary(file, digest);
                if (summary == null) {
                    List<Problem> problems = new ArrayList<>();
                    return new Loaded(load(file, stamp, bytes.content(), digest, false, problems), problems);
                }
                cache.seen(file, stamp, digest, summary);
            }
        }
        return contextRecord(file, summary);
    }

    /**
     * A context file as its summary's stand-in, or read in full when there is no summary or it is not of the record
     * the file's name says.
     */
    private Loaded contextRecord(Path file, RecordSummary summary) {
        if (summary == null || !file.getFileName().toString().equals(summary.id() + ".yaml")) {
            return loadReporting(file, false);
        }
        return new Loaded(standIn(file, summary), List.of(), true);
    }

    private static LoadedRecord standIn(Path file, RecordSummary summary) {
        return LoadedRecord.standIn(summary.standIn(), file, null);
    }

    /**
     * Validates record contents that are not files on disk (e.g. read from a Git revision). Keys are the
     * paths to show in problems: pass them resolved against the registry root. A content the cache knows (by its
     * digest, whichever file or revision it was seen in) skips the YAML parser and the schema, as a file does.
     */
    public ValidationReport validateFiles(Map<Path, byte[]> contents) {
        checks.forEach(RecordCheck::prepare);
        return assemble(readContents(contents, false), List.of(), file -> true);
    }

    /**
     * Reads record contents as {@link #validateFiles} does (each parsed and checked against the schema), without the
     * cross-record checks: for a caller that needs the records that read cleanly and not the other findings
     * ({@code tracker diff}). The report's problems are those of reading alone. Each record carries its
     * content's digest ({@link LoadedRecord#contentDigest}).
     */
    public ValidationReport readFiles(Map<Path, byte[]> contents) {
        return assemble(readContents(contents, true), List.of(), file -> true, List.of());
    }

    private List<Loaded> readContents(Map<Path, byte[]> contents, boolean withDigests) {
        cache.readingFewFiles(false);
        List<Loaded> read = contents.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList().parallelStream()
                .map(entry -> {
                    List<Problem> problems = new ArrayList<>();
                    String digest = cache.enabled() || withDigests ? ValidationCache.digest(entry.getValue()) : null;
                    LoadedRecord record = cache.enabled()
                            ? loadKnown(entry.getKey(), entry.getValue(), digest, true, problems)
                            : load(reader.parse(entry.getKey(), entry.getValue()), true, problems);
                    return new Loaded(record == null || !withDigests ? record : record.withContentDigest(digest), problems);
                })
                .toList();
        cache.save();
        return read;
    }

    /** Keeps the records that read cleanly, runs the cross-record checks, and reports on the files asked about. */
    private ValidationReport assemble(List<Loaded> read, List<Loaded> contextual, Predicate<Path> reported) {
        return assemble(read, contextual, reported, checks);
    }

    private ValidationReport assemble(List<Loaded> read, List<Loaded> contextual, Predicate<Path> reported,
                                      List<RecordCheck> crossChecks) {
        List<Problem> problems = new ArrayList<>();
        List<LoadedRecord> loaded = new ArrayList<>();
        for (Loaded file : read) {
            problems.addAll(file.problems());
            if (file.record() != null && file.problems().isEmpty()) {
                loaded.add(file.record());
            }
        }
        contextual.stream().filter(f -> f.record() != null).forEach(f -> loaded.add(f.record()));
        RecordSet records = new RecordSet(loaded, record -> reported.test(record.file()));
        // The checks only read the records: run them side by side, and keep their findings in the checks' order.
        for (List<Problem> found : crossChecks.parallelStream().map(check -> check.check(records)).toList()) {
            found.stream().filter(problem -> reported.test(problem.file())).forEach(problems::add);
        }
        problems.sort(Problem.ORDER);
        return new ValidationReport(read.size(), problems.stream().filter(p -> !p.isWarning()).toList(),
                problems.stream().filter(Problem::isWarning).toList(), records);
    }

    /** @param summary whether the record is a stand-in made from the cache's summary */
    private record Loaded(LoadedRecord record, List<Problem> problems, boolean summary) {
        Loaded(LoadedRecord record, List<Problem> problems) {
            this(record, problems, false);
        }
    }

    private Loaded loadReporting(Path file, boolean withSchema) {
        List<Problem> problems = new ArrayList<>();
        LoadedRecord record = load(file, withSchema, problems);
        return new Loaded(record, problems);
    }

    /** A content the cache knows skips the YAML parser and the schema; the rest is checked and remembered. */
    private LoadedRecord load(Path file, boolean withSchema, List<Problem> problems) {
        FileStamp stamp = cache.enabled() ? FileStamp.of(file) : null; // before the read: a later edit moves it
        RecordReader.Bytes bytes = reader.bytes(file);
        if (bytes.failure() != null) {
            problems.addAll(bytes.failure().problems());
            return null;
        }
        if (!cache.enabled()) {
            return load(reader.parse(file, bytes.content()), withSchema, problems);
        }
        return load(file, stamp, bytes.content(), cache.digest(file, stamp, bytes.content()), withSchema, problems);
    }

    private LoadedRecord load(Path file, FileStamp stamp, byte[] content, String digest, boolean withSchema,
                              List<Problem> problems) {
        LoadedRecord record = loadKnown(file, content, digest, withSchema, problems);
        cache.seen(file, stamp, digest, record == null ? null : RecordSummary.of(record.record()));
        return record == null ? null : record.withContentDigest(digest);
    }

    private LoadedRecord loadKnown(Path file, byte[] content, String digest, boolean withSchema, List<Problem> problems) {
        JsonNode known = cache.tree(digest);
        if (known != null) {
            return toRecord(reader.known(file, content, known).document(), withSchema, problems);
        }
        RecordReader.Result read = reader.parse(file, content);
        if (!read.ok()) {
            problems.addAll(read.problems());
            return null;
        }
        List<Problem> schemaProblems = schema.validate(read.document());
        if (schemaProblems.isEmpty()) {
            cache.remember(digest, read.document().root());
        } else if (withSchema) {
            problems.addAll(schemaProblems);
        }
        return problems.isEmpty() ? toRecord(read.document(), withSchema, problems) : null;
    }

    private LoadedRecord load(RecordReader.Result read, boolean withSchema, List<Problem> problems) {
        if (!read.ok()) {
            problems.addAll(read.problems());
            return null;
        }
        YamlDocument document = read.document();
        if (withSchema) {
            problems.addAll(schema.validate(document));
        }
        return problems.isEmpty() ? toRecord(document, withSchema, problems) : null;
    }

    /** The record of a document that read cleanly (and passed the schema, where it counts). */
    private static LoadedRecord toRecord(YamlDocument document, boolean reportFailure, List<Problem> problems) {
        Path file = document.file();
        problems.addAll(checkFileName(document));
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            ModelRecord record = RecordMapper.toRecord(document.root());
            return new LoadedRecord(record, document);
        } catch (IllegalArgumentException e) {
            if (reportFailure) {
                problems.add(new Problem(file, document.valueLocation(""), "unreadable-record",
                        "the record passed the schema but could not be read: " + e.getMessage(),
                        "This is a bug in the tool; please report it with the file attached."));
            }
            return null;
        }
    }

    private static List<Problem> checkFileName(YamlDocument document) {
        String fileName = document.file().getFileName().toString();
        String expected = RegistryLayout.idOf(fileName);
        String id = document.root().path("id").asText(null);
        if (id != null && !id.equals(expected)) {
            return List.of(new Problem(document.file(), document.valueLocation("/id"), "id-mismatch",
                    "id '" + id + "' does not match the file name '" + fileName + "'",
                    "Set 'id: " + expected + "' or rename the file to '" + id + ".yaml'."));
        }
        return List.of();
    }
}
