package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault injection for every source, against a server on 127.0.0.1 serving the source's real snapshot: a 429
 * with Retry-After, 500s, a stalled answer, a body cut short, and a response of another shape. Each either
 * recovers politely or fails with a message that says what happened; none proposes from a broken response.
 */
class SourceFaultsTest {
    private HttpServer server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, int call) throws IOException;
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(new EpochSource(), Fixtures.EPOCH_NOTABLE, "text/csv", "Model,Something else\nA,B\n"),
                Arguments.of(new LmarenaSource(), Fixtures.LMARENA_2026, "application/json", "{\"rows\": []}"),
                Arguments.of(new OpenRouterSource(), Fixtures.OPENROUTER, "application/json", "{\"models\": []}"),
                Arguments.of(new ArtificialAnalysisSource(), Fixtures.ARTIFICIAL_ANALYSIS, "application/json",
                        "{\"status\": 200, \"results\": []}"),
                Arguments.of(new HuggingFaceSource(), Fixtures.HUGGINGFACE, "application/json", "{\"error\": \"Invalid sort\"}"),
                Arguments.of(new FeedsSource(), Fixtures.FEEDS.resolve("anthropic_news_2026-08-22.xml"), "application/rss+xml",
                        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>News</title></feed>"));
    }

    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/data", exchange -> {
            try {
                handler.handle(exchange, calls.incrementAndGet());
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpFetcher fetcher() {
        HttpFetcher.Policy policy = new HttpFetcher.Policy(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ZERO, 3,
                Duration.ofSeconds(1), Duration.ofSeconds(120), HttpFetcher.USER_AGENT);
        return new HttpFetcher(policy, waits::add, Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC), log::add);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private List<Sighting> fetchAndParse(Source source, URI uri) throws FetchException, SourceShapeException {
        HttpFetcher.Fetched fetched = fetcher().fetch(uri, source.contentTypes(), ResponseCache.NONE, Map.of());
        return source.parse(fetched.body(), uri.toString());
    }

    @ParameterizedTest(name = "{0}: 429 with Retry-After, then the snapshot")
    @MethodSource("sources")
    void a_429_with_retry_after_waits_that_long_and_then_reads_the_snapshot(Source source, Path snapshot, String type, String other)
            throws Exception {
        byte[] body = Fixtures.bytes(snapshot);
        URI uri = serve((exchange, call) -> {
            if (call == 1) {
                exchange.getResponseHeaders().set("Retry-After", "9");
                send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, type, body);
            }
        });
        List<Sighting> sightings = fetchAndParse(source, uri);
        assertEquals(source.parse(body, "file"), sightings);
        assertEquals(List.of(Duration.ofSeconds(9)), waits);
    }

    @ParameterizedTest(name = "{0}: 500 every time")
    @MethodSource("sources")
    void repeated_500s_give_up_after_the_last_attempt(Source source, Path snapshot, String type, String other) throws Exception {
        URI uri = serve((exchange, call) -> send(exchange, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8)));
        FetchException e = assertThrows(FetchException.class, () -> fetchAndParse(source, uri));
        assertTrue(e.getMessage().contains("failed 3 times (last: HTTP 500)"), e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits, "backed off 1 s, then 2 s");
    }

    @ParameterizedTest(name = "{0}: no answer in time")
    @MethodSource("sources")
    void a_stalled_server_times_out(Source source, Path snapshot, String type, String other) throws Exception {
        URI uri = serve((exchange, call) -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FetchException e = assertThrows(FetchException.class, () -> fetchAndParse(source, uri));
        assertTrue(e.getMessage().contains("no complete answer within 0.8 s"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: body cut short")
    @MethodSource("sources")
    void a_body_cut_short_is_never_parsed(Source source, Path snapshot, String type, String other) throws Exception {
        byte[] body = Fixtures.bytes(snapshot);
        URI uri = serve((exchange, call) -> {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 3);
            out.flush();
            exchange.getHttpContext().getServer().stop(0); // the connection drops mid-body
        });
        assertThrows(FetchException.class, () -> fetchAndParse(source, uri));
        server = null;
    }

    @ParameterizedTest(name = "{0}: a complete document cut in the middle")
    @MethodSource("sources")
    void a_document_cut_in_the_middle_fails_its_shape_check(Source source, Path snapshot, String type, String other) {
        byte[] body = Fixtures.bytes(snapshot);
        byte[] cut = java.util.Arrays.copyOf(body, body.length / 20);
        SourceShapeException e = assertThrows(SourceShapeException.class, () -> source.parse(cut, "cut"));
        assertTrue(e.getMessage().startsWith(source.name() + ": cut "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: another shape")
    @MethodSource("sources")
    void a_response_of_another_shape_fails_loudly_naming_the_source(Source source, Path snapshot, String type, String other)
            throws Exception {
        URI uri = serve((exchange, call) -> send(exchange, 200, type, other.getBytes(StandardCharsets.UTF_8)));
        SourceShapeException e = assertThrows(SourceShapeException.class, () -> fetchAndParse(source, uri));
        assertTrue(e.getMessage().startsWith(source.name() + ": " + uri), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
