package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.discover.CandidateWriter;
import org.frontierregistry.tracker.discover.Discovery;
import org.frontierregistry.tracker.discover.DiscoveryRun;
import org.frontierregistry.tracker.discover.EvidenceJoin;
import org.frontierregistry.tracker.discover.NewModel;
import org.frontierregistry.tracker.discover.Screen;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.propose.Manifest;
import org.frontierregistry.tracker.propose.Proposal;
import org.frontierregistry.tracker.propose.ProposalOutcome;
import org.frontierregistry.tracker.propose.ProposalWriter;
import org.frontierregistry.tracker.propose.Proposer;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.scrape.CandidateEstimates;
import org.frontierregistry.tracker.scrape.HttpFetcher;
import org.frontierregistry.tracker.scrape.EngineEstimates;
import org.frontierregistry.tracker.scrape.RecordUpdate;
import org.frontierregistry.tracker.scrape.ResponseCache;
import org.frontierregistry.tracker.scrape.ScrapePlan;
import org.frontierregistry.tracker.scrape.ScrapeRun;
import org.frontierregistry.tracker.scrape.Source;
import org.frontierregistry.tracker.scrape.Sources;
import org.frontierregistry.tracker.validate.Checks;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scrape", mixinStandardHelpOptions = true,
        description = {"Read public sources (live, or a saved snapshot), recognise the models the registry tracks and"
                + " find new ones.",
                "Without --propose it only reports. With --propose each new model or record update goes on its own branch"
                        + " bot/<source>/<id> (one commit by the bot), optionally pushed, and dist/proposals.json lists them"
                        + " for the workflow that opens pull requests. See docs/sources.md."})
public final class ScrapeCommand implements Callable<Integer> {
    private static final Pattern SEEN = Pattern.compile("seen: ([0-9]{4}-[0-9]{2}-[0-9]{2})");

    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "S", description = "A source name (see --list-sources) or 'all'.")
    String source;

    @Option(names = "--list-sources", description = "List the sources and exit.")
    boolean listSources;

    @Option(names = "--snapshot", paramLabel = "[SOURCE=]FILE",
            description = "Read a saved copy instead of the live source. With one --source, FILE; with --source all,"
                    + " SOURCE=FILE (repeatable, also for several files of one source); then only sources with a snapshot are read.")
    List<String> snapshots;

    @Option(names = "--url", paramLabel = "URL", description = "Fetch from this address instead of the source's default (one source only).")
    URI url;

    @Option(names = "--propose", description = "Put each proposal on a branch bot/<source>/<id> and write the manifest.")
    boolean propose;

    @Option(names = "--remote", paramLabel = "NAME", defaultValue = "origin", description = "Remote to push to. Default: ${DEFAULT-VALUE}.")
    String remote;

    @Option(names = "--push", description = "Push the branches to --remote (needs --propose).")
    boolean push;

    @Option(names = "--dry-run", description = "Say what --propose would do; write no branch, push nothing.")
    boolean dryRun;

    @Option(names = "--base", paramLabel = "BRANCH", defaultValue = "main", description = "The main branch: records are read from it and branches start from it. Default: ${DEFAULT-VALUE}.")
    String base;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Where to write the manifest (default: dist/proposals.json).")
    Path manifest;

    @Option(names = "--p-above-floor", paramLabel = "P", defaultValue = "0.05",
            description = "Least P(compute > 1e25) from a new model's estimate that proposes it (one of the screen's rules). Default: ${DEFAULT-VALUE}.")
    double floor;

    @Option(names = "--today", paramLabel = "DATE", description = "The date to write as first seen (default: today, UTC).")
    LocalDate today;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where live responses and their ETags are kept (default: dist/scrape-cache).")
    Path cache;

    @Option(names = "--verbose", description = "Also list every match (entry → record, and how), every new model only reported and every folded variant, with reasons.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (listSources) {
            for (Source s : Sources.all()) {
                out.println(String.format(Locale.ROOT, "%-11s %s", s.name(), s.description()));
                out.println(String.format(Locale.ROOT, "%-11s live: %s", "", s.defaultUrl()));
            }
            return ExitCodes.OK;
        }
        if (source == null) {
            throw TrackerException.usage("say which source to read: --source NAME or --source all (see --list-sources)");
        }
        List<Source> sources = source.equals("all") ? Sources.all() : List.of(Sources.byName(source).orElseThrow(() ->
                TrackerException.usage("unknown source '" + source + "'; known: all, "
                        + String.join(", ", Sources.all().stream().map(Source::name).toList()))));
        if (url != null && sources.size() != 1) {
            throw TrackerException.usage("--url needs a single --source, not 'all'");
        }
        Map<String, List<Path>> files = snapshotFiles(sources);
        if ((push || dryRun) && !propose) {
            throw TrackerException.usage("--push and --dry-run go with --propose");
        }
        if (floor < 0 || floor > 1) {
            throw TrackerException.usage("--p-above-floor must be between 0 and 1, not " + floor);
        }
        RegistryLayout layout = registry.layout();
        try (RegistryLock lock = propose && !dryRun ? WriteLock.take(layout, spec) : null) {
            return scrape(layout, sources, files, out);
        }
    }

    private Integer scrape(RegistryLayout layout, List<Source> sources, Map<String, List<Path>> files, PrintWriter out)
            throws IOException {
        LocalDate day = today != null ? today : LocalDate.now(ZoneOffset.UTC);
        Clock clock = Clock.fixed(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1), ZoneOffset.UTC);
        Validator validator = Validator.forRegistry(layout, clock);
        Map<String, byte[]> recordFiles = recordFiles(layout);
        Map<Path, byte[]> absolute = new TreeMap<>();
        recordFiles.forEach((p, b) -> absolute.put(layout.root().resolve(p), b));
        ValidationReport current = validator.validateFiles(absolute);
        RecordSet records = current.records();
        out.println("Registry: " + records.size() + " records" + (propose ? " on " + base : " in the working tree")
                + (current.clean() ? "" : " (" + current.filesWithProblems() + " with problems, read where possible)"));
        Proposer proposer = propose ? new Proposer(layout.root(), base, remote, push, dryRun, out::println) : null;
        ScrapeRun matcher = new ScrapeRun(records, recordFiles, layout.root(), validator, Checks.standard(clock), estimates());
        Screen screen = new Screen(records.records(), floor, Sources.leadSources());
        Discovery discovery = new Discovery(records.records(), screen, new CandidateWriter(estimates()),
                (id, d) -> firstSeen(proposer, id, d), day, m -> matcher.validate(m.path(), m.text()), out::println);
        List<DiscoveryRun.Input> inputs = new ArrayList<>();
        for (Source s : sources) {
            boolean offline = !files.isEmpty();
            if (offline && !files.containsKey(s.name())) {
                continue; // an offline run reads only the sources it has copies of
            }
            inputs.add(new DiscoveryRun.Input(s, files.getOrDefault(s.name(), List.of()), url == null ? List.of() : List.of(url)));
        }
        DiscoveryRun.Report report = new DiscoveryRun(matcher, discovery, HttpFetcher.polite(out::println),
                ResponseCache.in(cache != null ? cache : layout.defaultOutput().resolve("scrape-cache")), System::getenv, out::println)
                .run(inputs);
        for (String failure : report.failures()) {
            spec.commandLine().getErr().println("error: " + failure);
            spec.commandLine().getErr().println("  nothing is proposed from " + failure.substring(0, Math.max(0, failure.indexOf(':'))) + ".");
        }
        List<Proposal> proposals = new ArrayList<>();
        for (ScrapePlan plan : report.plans()) {
            print(plan, out);
            for (RecordUpdate u : plan.updates()) {
                proposals.add(ProposalWriter.of(u));
            }
        }
        print(report.discovery(), out);
        for (NewModel m : report.discovery().proposed()) {
            proposals.add(ProposalWriter.of(m));
        }
        if (proposer != null) {
            List<ProposalOutcome> outcomes = proposer.propose(proposals);
            Map<String, Integer> counts = new TreeMap<>();
            for (ProposalOutcome o : outcomes) {
                counts.merge(o.status(), 1, Integer::sum);
                if (!o.status().equals("unchanged")) {
                    out.println("  " + o.status() + ": " + o.proposal().branch() + (o.pushed() ? " (pushed)" : "")
                            + (o.status().equals("left-alone") || o.status().equals("exists-on-main") ? " — " + o.detail() : ""));
                }
            }
            out.println("Branches: " + (counts.isEmpty() ? "none" : counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("")));
            if (!dryRun) {
                Path target = manifest != null ? manifest : layout.defaultOutput().resolve("proposals.json");
                Manifest.write(target, Manifest.render(outcomes, report.discovery()));
                out.println("Manifest: " + layout.display(target));
            }
        } else {
            out.println("Nothing written: pass --propose to put " + proposals.size() + " proposal"
                    + (proposals.size() == 1 ? "" : "s") + " on branches.");
        }
        if (!report.failures().isEmpty()) {
            throw TrackerException.failure("a source could not be read or changed shape (see above); fix it before trusting this run");
        }
        return ExitCodes.OK;
    }

    /** --snapshot values by source: FILE alone for a single source, SOURCE=FILE otherwise. */
    private Map<String, List<Path>> snapshotFiles(List<Source> sources) {
        Map<String, List<Path>> files = new LinkedHashMap<>();
        for (String value : snapshots == null ? List.<String>of() : snapshots) {
            int eq = value.indexOf('=');
            String name = eq > 0 && Sources.byName(value.substring(0, eq)).isPresent() ? value.substring(0, eq) : null;
            if (name == null && sources.size() != 1) {
                throw TrackerException.usage("with --source all, say which source each snapshot is for: --snapshot SOURCE=FILE"
                        + " (e.g. --snapshot openrouter=models.json)");
            }
            String sourceName = name != null ? name : sources.get(0).name();
            if (sources.stream().noneMatch(s -> s.name().equals(sourceName))) {
                throw TrackerException.usage("--snapshot " + value + " is for " + sourceName + ", which this run does not read");
            }
            Path file = Path.of(name != null ? value.substring(eq + 1) : value);
            if (!Files.isRegularFile(file)) {
                throw TrackerException.usage("no such snapshot file: " + file);
            }
            files.computeIfAbsent(sourceName, k -> new ArrayList<>()).add(file);
        }
        return files;
    }

    private void print(ScrapePlan plan, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "%s: %d entries: %d matched %d records, %d ambiguous, %d not matched, %d not notable",
                plan.source(), plan.sightings(), plan.matched(), plan.matchedRecords(), plan.ambiguous().size(),
                plan.unmatched().size(), plan.ignored()));
        if (verbose) {
            for (ScrapePlan.Pairing m : plan.pairings()) {
                out.println("  matched: '" + m.key() + "' → " + m.recordId() + " (" + m.how().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        for (ScrapePlan.Ambiguity a : plan.ambiguous()) {
            out.println("  ambiguous: '" + a.key() + "' fits " + String.join(", ", a.recordIds()) + " (not matched; if it is one of"
                    + " them: tracker review --add-name ID --source " + plan.source() + " --name '" + a.key() + "', which writes it under "
                    + org.frontierregistry.tracker.query.AddName.field(plan.source()) + ")");
        }
        for (RecordUpdate u : plan.updates()) {
            out.println("  update: " + u.recordId() + (u.verified() ? " (verified: aliases only)" : "") + " — " + String.join("; ", u.changes()));
        }
        if (!plan.updates().isEmpty()) {
            out.println("  (an entry that is not that model: tracker review --decline ID --source " + plan.source()
                    + " --name ENTRY --reason TEXT, and it is not proposed for that record again)");
        }
        if (!plan.declined().isEmpty()) {
            out.println("  declined: " + plan.declined().size() + (plan.declined().size() == 1 ? " entry" : " entries")
                    + " a reviewer declined for their record (the record's declined list) updated nothing");
        }
        for (String problem : plan.invalid()) {
            out.println("  skipped: " + problem);
        }
    }

    private void print(Discovery.Result d, PrintWriter out) {
        int variants = d.folded().size() + d.foldedIntoCandidates().size();
        out.println(String.format(Locale.ROOT, "New models: %d proposed, %d reported, %d names folded as variants, %d skipped",
                d.proposed().size(), d.reported().size(), variants, d.invalid().size()));
        for (NewModel m : d.proposed()) {
            out.println("  propose: " + m.id() + " (" + m.status().key() + (m.pAbove() == null ? "" : String.format(Locale.ROOT,
                    ", p_above %.3f", m.pAbove())) + "; " + String.join(", ", m.evidence().sources()) + ") — " + m.verdict().reason());
        }
        if (verbose) {
            for (NewModel m : d.reported()) {
                out.println("  report: " + m.id() + " (" + String.join(", ", m.evidence().sources()) + ") — " + m.verdict().reason());
            }
            for (EvidenceJoin.Fold f : d.folded()) {
                out.println("  fold: '" + f.sighting().name() + "' (" + f.sighting().source() + ") → "
                        + (f.intoRecord() == null ? "nothing" : f.intoRecord()) + " — " + f.reason());
            }
            for (Discovery.Folded f : d.foldedIntoCandidates()) {
                out.println("  fold: '" + f.name() + "' (" + f.source() + ") → " + f.intoId() + " (new) — variant words: "
                        + String.join(", ", f.featureWords()));
            }
        } else {
            out.println("  (--verbose lists every model only reported and every folded name, with the reason)");
        }
        for (String problem : d.invalid()) {
            out.println("  skipped: " + problem);
        }
    }

    private Map<String, byte[]> recordFiles(RegistryLayout layout) throws IOException {
        if (propose) {
            try (GitRecordSource git = GitRecordSource.open(layout.root())) {
                return git.recordFiles(git.resolve(base));
            } catch (IllegalArgumentException e) {
                throw TrackerException.usage(e.getMessage() + " (--propose reads the records on --base)");
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<Path, byte[]> file : layout.recordContents().entrySet()) {
            files.put(RegistryLayout.MODELS + "/" + file.getKey().getFileName(), file.getValue());
        }
        return files;
    }

    private LocalDate firstSeen(Proposer proposer, String id, LocalDate day) {
        if (proposer == null) {
            return day;
        }
        for (String prefix : List.of(ProposalWriter.NEW_MODELS)) {
            try {
                Optional<String> text = proposer.existing("bot/" + prefix + "/" + id, "models/" + id + ".yaml");
                if (text.isPresent()) {
                    Matcher m = SEEN.matcher(text.get());
                    if (m.find()) {
                        return LocalDate.parse(m.group(1));
                    }
                }
            } catch (IOException e) {
                return day;
            }
        }
        return day;
    }

    /** The seam to the estimation engine; see {@link CandidateEstimates}. */
    static CandidateEstimates estimates() {
        return new EngineEstimates();
    }
}
