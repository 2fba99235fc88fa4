package org.frontierregistry.tracker.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontierregistry.tracker.scrape.ArtificialAnalysisSource;
import org.frontierregistry.tracker.scrape.EngineEstimates;
import org.frontierregistry.tracker.scrape.HttpFetcher;
import org.frontierregistry.tracker.scrape.ResponseCache;
import org.frontierregistry.tracker.scrape.ScrapeRun;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.Checks;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live run's handling of a source that needs an API key: skipped without one, the key sent but never shown. */
class DiscoveryRunTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC);
    static final Path SNAPSHOT = Path.of("src/test/resources/fixtures/artificialanalysis/llms_models_2026-03-25.json");

    @TempDir
    Path temp;

    private DiscoveryRun run(Map<String, String> environment, List<String> out) throws Exception {
        TempRegistry registry = TempRegistry.in(temp);
        Validator validator = Validator.forRegistry(registry.layout(), CLOCK);
        ValidationReport report = validator.validateAll(registry.layout());
        ScrapeRun matcher = new ScrapeRun(report.records(), new LinkedHashMap<>(), registry.root(), validator, Checks.standard(CLOCK),
                new EngineEstimates());
        Discovery discovery = new Discovery(report.records().records(), new Screen(report.records().records(), 0.05, Set.of()),
                new CandidateWriter(new EngineEstimates()), (id, day) -> day, LocalDate.of(2026, 5, 20),
                m -> matcher.validate(m.path(), m.text()), out::add);
        HttpFetcher fetcher = new HttpFetcher(new HttpFetcher.Policy(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ZERO, 2,
                Duration.ofMillis(1), Duration.ofSeconds(10), HttpFetcher.USER_AGENT), d -> { }, CLOCK, out::add);
        return new DiscoveryRun(matcher, discovery, fetcher, ResponseCache.NONE, environment::get, out::add);
    }

    @Test
    void without_the_key_the_source_is_skipped_and_said_so() throws Exception {
        List<String> out = new ArrayList<>();
        DiscoveryRun.Report report = run(Map.of(), out).run(List.of(new DiscoveryRun.Input(new ArtificialAnalysisSource(), List.of(),
                List.of(URI.create("http://127.0.0.1:9/never-called")))));
        assertEquals(List.of(), report.failures(), "not a failure of the run");
        assertEquals(List.of("artificialanalysis: skipped — no API key in the environment variable AA_API_KEY (set it to read"
                + " this source live, or pass --snapshot artificialanalysis=FILE)"), report.skipped());
        assertTrue(out.contains(report.skipped().get(0)), out.toString());
    }

    @Test
    void with_the_key_it_is_sent_as_a_header_and_never_printed() throws Exception {
        byte[] body = Files.readAllBytes(SNAPSHOT);
        List<String> keys = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("x-api-key"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            List<String> out = new ArrayList<>();
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models");
            DiscoveryRun.Report report = run(Map.of("AA_API_KEY", "secret-key-123"), out)
                    .run(List.of(new DiscoveryRun.Input(new ArtificialAnalysisSource(), List.of(), List.of(uri))));
            assertEquals(List.of("secret-key-123"), keys);
            assertEquals(450, report.plans().get(0).sightings());
            assertFalse(String.join("\n", out).contains("secret-key-123"), "the key is never printed");
        } finally {
            server.stop(0);
        }
    }
}
