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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.propose.Manifest;
import org.frontierregistry.tracker.propose.Proposal;
import org.frontierregistry.tracker.propose.ProposalOutcome;
import org.frontierregistry.tracker.propose.ProposalWriter;
import org.frontierregistry.tracker.propose.Proposer;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.scrape.Candidate;
import org.frontierregistry.tracker.scrape.CandidateEstimates;
import org.frontierregistry.tracker.scrape.CandidatePolicy;
import org.frontierregistry.tracker.scrape.FetchException;
import org.frontierregistry.tracker.scrape.HttpFetcher;
import org.frontierregistry.tracker.scrape.EngineEstimates;
import org.frontierregistry.tracker.scrape.RecordUpdate;
import org.frontierregistry.tracker.scrape.ResponseCache;
import org.frontierregistry.tracker.scrape.ScrapePlan;
import org.frontierregistry.tracker.scrape.ScrapeRun;
import org.frontierregistry.tracker.scrape.Sighting;
import org.frontierregistry.tracker.scrape.Source;
import org.frontierregistry.tracker.scrape.SourceShapeException;
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

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Read this saved copy instead of the live source (one source only).")
    Path snapshot;

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
            description = "Least P(compute > 1e25) for proposing a candidate from a lab not on the watch list. Default: ${DEFAULT-VALUE}.")
    double floor;

    @Option(names = "--watch", paramLabel = "LAB", split = ",",
            description = "Organisations (Epoch's spelling) whose new models are proposed even without an estimate; replaces the default list.")
    List<String> watch;

    @Option(names = "--today", paramLabel = "DATE", description = "The date to write as first seen (default: today, UTC).")
    LocalDate today;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where live responses and their ETags are kept (default: dist/scrape-cache).")
    Path cache;

    @Option(names = "--verbose", description = "Also list every match (entry → record, and how) and the candidates that are only reported.")
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
        if ((snapshot != null || url != null) && sources.size() != 1) {
            throw TrackerException.usage("--snapshot and --url need a single --source, not 'all'");
        }
        if (snapshot != null && !Files.isRegularFile(snapshot)) {
            throw TrackerException.usage("no such snapshot file: " + snapshot);
        }
        if ((push || dryRun) && !propose) {
            throw TrackerException.usage("--push and --dry-run go with --propose");
        }
        if (floor < 0 || floor > 1) {
            throw TrackerException.usage("--p-above-floor must be between 0 and 1, not " + floor);
        }
        RegistryLayout layout = registry.layout();
        try (RegistryLock lock = propose && !dryRun ? WriteLock.take(layout, spec) : null) {
            return scrape(layout, sources, out);
        }
    }

    private Integer scrape(RegistryLayout layout, List<Source> sources, PrintWriter out) throws IOException {
        LocalDate day = today != null ? today : LocalDate.now(ZoneOffset.UTC);
        Clock clock = Clock.fixed(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1), ZoneOffset.UTC);
        Validator validator = Validator.forRegistry(layout, clock);
        Map<String, byte[]> files = recordFiles(layout);
        Map<Path, byte[]> absolute = new TreeMap<>();
        files.forEach((p, b) -> absolute.put(layout.root().resolve(p), b));
        ValidationReport current = validator.validateFiles(absolute);
        RecordSet records = current.records();
        out.println("Registry: " + records.size() + " records" + (propose ? " on " + base : " in the working tree")
                + (current.clean() ? "" : " (" + current.filesWithProblems() + " with problems, read where possible)"));
        CandidatePolicy policy = new CandidatePolicy(floor, Set.copyOf(watch == null ? CandidatePolicy.DEFAULT_WATCH_LIST : watch));
        Proposer proposer = propose ? new Proposer(layout.root(), base, remote, push, dryRun, out::println) : null;
        ScrapeRun run = new ScrapeRun(records, files, layout.root(), validator, Checks.standard(clock), estimates(), policy,
                (id, d) -> firstSeen(proposer, id, d), day, out::println);
        HttpFetcher fetcher = HttpFetcher.polite(out::println);
        ResponseCache responses = ResponseCache.in(cache != null ? cache : layout.defaultOutput().resolve("scrape-cache"));

        List<Proposal> proposals = new ArrayList<>();
        List<Candidate> reported = new ArrayList<>();
        boolean failed = false;
        for (Source s : sources) {
            List<Sighting> sightings;
            try {
                sightings = read(s, fetcher, responses, out);
            } catch (FetchException | SourceShapeException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                spec.commandLine().getErr().println("  nothing is proposed from " + s.name() + ".");
                failed = true;
                continue;
            }
            ScrapePlan plan = run.plan(s.name(), sightings);
            print(plan, out);
            for (Candidate c : plan.proposed()) {
                proposals.add(ProposalWriter.of(c));
            }
            for (RecordUpdate u : plan.updates()) {
                proposals.add(ProposalWriter.of(u));
            }
            reported.addAll(plan.reported());
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
                Manifest.write(target, Manifest.render(outcomes, reported));
                out.println("Manifest: " + layout.display(target));
            }
        } else {
            out.println("Nothing written: pass --propose to put " + proposals.size() + " proposal"
                    + (proposals.size() == 1 ? "" : "s") + " on branches.");
        }
        if (failed) {
            throw TrackerException.failure("a source could not be read or changed shape (see above); fix it before trusting this run");
        }
        return ExitCodes.OK;
    }

    private List<Sighting> read(Source s, HttpFetcher fetcher, ResponseCache responses, PrintWriter out)
            throws FetchException, SourceShapeException, IOException {
        if (snapshot != null) {
            out.println(s.name() + ": reading the snapshot " + snapshot);
            return s.parse(Files.readAllBytes(snapshot), snapshot.toString());
        }
        URI where = url != null ? url : s.defaultUrl();
        out.println(s.name() + ": fetching " + where);
        HttpFetcher.Fetched fetched = fetcher.fetch(where, s.contentTypes(), responses);
        return s.parse(fetched.body(), where.toString());
    }

    private void print(ScrapePlan plan, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "  %d entries: %d matched %d records, %d ambiguous, %d new, %d not notable",
                plan.sightings(), plan.matched(), plan.matchedRecords(), plan.ambiguous().size(),
                plan.candidates().size(), plan.ignored()));
        if (verbose) {
            for (ScrapePlan.Pairing m : plan.pairings()) {
                out.println("  matched: '" + m.key() + "' → " + m.recordId() + " (" + m.how().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        for (ScrapePlan.Ambiguity a : plan.ambiguous()) {
            out.println("  ambiguous: '" + a.key() + "' fits " + String.join(", ", a.recordIds()) + " (not matched; add an identifier to the right record)");
        }
        for (Candidate c : plan.proposed()) {
            out.println("  propose: " + c.id() + " (" + c.status().key() + (c.pAbove() == null ? "" : String.format(Locale.ROOT,
                    ", p_above %.3f", c.pAbove())) + ") — " + c.decision().reason());
        }
        out.println("  reported only: " + plan.reported().size() + " new entries (under the floor or too small; --verbose lists them)");
        if (verbose) {
            for (Candidate c : plan.reported()) {
                out.println("    " + c.id() + ": " + c.decision().reason());
            }
        }
        for (RecordUpdate u : plan.updates()) {
            out.println("  update: " + u.recordId() + (u.verified() ? " (verified: aliases only)" : "") + " — " + String.join("; ", u.changes()));
        }
        for (String problem : plan.invalid()) {
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
        for (Path file : layout.recordFiles()) {
            files.put(RegistryLayout.MODELS + "/" + file.getFileName(), Files.readAllBytes(file));
        }
        return files;
    }

    private LocalDate firstSeen(Proposer proposer, String id, LocalDate day) {
        if (proposer == null) {
            return day;
        }
        for (Source s : Sources.all()) {
            try {
                Optional<String> text = proposer.existing("bot/" + s.name() + "/" + id, "models/" + id + ".yaml");
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
