package org.frontierregistry.tracker.discover;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.frontierregistry.tracker.scrape.FetchException;
import org.frontierregistry.tracker.scrape.HttpFetcher;
import org.frontierregistry.tracker.scrape.ResponseCache;
import org.frontierregistry.tracker.scrape.ScrapePlan;
import org.frontierregistry.tracker.scrape.ScrapeRun;
import org.frontierregistry.tracker.scrape.Sighting;
import org.frontierregistry.tracker.scrape.Source;
import org.frontierregistry.tracker.scrape.SourceShapeException;

/**
 * One discovery run over several sources: read each (saved snapshots, or live with the polite fetcher), match
 * its entries to records ({@link ScrapeRun}), then join what no record matched across all sources and screen
 * it ({@link Discovery}). A source that fails is reported and the others carry on; a source whose API key is
 * missing is skipped and said so.
 */
public final class DiscoveryRun {
    /** What to read from one source: saved files, or else these live addresses (empty: the source's own). */
    public record Input(Source source, List<Path> snapshots, List<URI> urls) {
        public Input {
            snapshots = List.copyOf(snapshots);
            urls = List.copyOf(urls);
        }
    }

    /** Per-source plans, the discovery, and the sources that failed or were skipped (with why). */
    public record Report(List<ScrapePlan> plans, Discovery.Result discovery, List<String> failures, List<String> skipped) {
    }

    private final ScrapeRun matcher;
    private final Discovery discovery;
    private final HttpFetcher fetcher;
    private final ResponseCache cache;
    private final Function<String, String> environment;
    private final Consumer<String> out;

    /** @param environment reads environment variables (API keys); tests pass a map's get */
    public DiscoveryRun(ScrapeRun matcher, Discovery discovery, HttpFetcher fetcher, ResponseCache cache,
                        Function<String, String> environment, Consumer<String> out) {
        this.matcher = matcher;
        this.discovery = discovery;
        this.fetcher = fetcher;
        this.cache = cache;
        this.environment = environment;
        this.out = out;
    }

    public Report run(List<Input> inputs) {
        List<ScrapePlan> plans = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Sighting> unmatched = new ArrayList<>();
        for (Input input : inputs) {
            Source s = input.source();
            Map<String, String> headers = Map.of();
            if (input.snapshots().isEmpty() && s.apiKeyVariable().isPresent()) {
                String variable = s.apiKeyVariable().get();
                String key = environment.apply(variable);
                if (key == null || key.isBlank()) {
                    String why = s.name() + ": skipped — no API key in the environment variable " + variable
                            + " (set it to read this source live, or pass --snapshot " + s.name() + "=FILE)";
                    out.accept(why);
                    skipped.add(why);
                    continue;
                }
                headers = s.apiKeyHeaders(key.trim());
            }
            List<Sighting> sightings = new ArrayList<>();
            try {
                for (Path file : input.snapshots()) {
                    out.accept(s.name() + ": reading the snapshot " + file);
                    sightings.addAll(s.parse(Files.readAllBytes(file), file.toString()));
                }
                if (input.snapshots().isEmpty()) {
                    for (URI where : input.urls().isEmpty() ? s.defaultUrls() : input.urls()) {
                        out.accept(s.name() + ": fetching " + where);
                        HttpFetcher.Fetched fetched = fetcher.fetch(where, s.contentTypes(), cache, headers);
                        sightings.addAll(s.parse(fetched.body(), where.toString()));
                    }
                }
            } catch (FetchException | SourceShapeException e) {
                failures.add(e.getMessage());
                continue;
            } catch (IOException e) {
                failures.add(s.name() + ": could not read " + Optional.ofNullable(e.getMessage()).orElse("the snapshot"));
                continue;
            }
            ScrapePlan plan = matcher.plan(s.name(), sightings);
            plans.add(plan);
            unmatched.addAll(plan.unmatched());
        }
        out.accept("Joining " + unmatched.size() + " sightings no record matched, across " + plans.size() + " source"
                + (plans.size() == 1 ? "" : "s") + " ...");
        return new Report(List.copyOf(plans), discovery.discover(unmatched), List.copyOf(failures), List.copyOf(skipped));
    }
}
