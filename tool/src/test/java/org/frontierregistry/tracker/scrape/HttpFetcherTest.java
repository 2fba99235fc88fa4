package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault injection against a server on 127.0.0.1: what the bot does when a source misbehaves. */
class HttpFetcherTest {
    private static final Set<String> CSV = Set.of("text/csv");

    private HttpServer server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> userAgents = Collections.synchronizedList(new ArrayList<>());

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, int call) throws IOException;
    }

    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/data", exchange -> {
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            try {
                handler.handle(exchange, calls.incrementAndGet());
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpFetcher fetcher(Duration requestTimeout, int attempts) {
        HttpFetcher.Policy policy = new HttpFetcher.Policy(Duration.ofSeconds(2), requestTimeout, Duration.ZERO, attempts,
                Duration.ofSeconds(1), Duration.ofSeconds(120), HttpFetcher.USER_AGENT);
        Clock clock = Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC);
        return new HttpFetcher(policy, waits::add, clock, log::add);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Test
    void a_429_with_retry_after_waits_that_long_then_succeeds() throws Exception {
        URI uri = serve((exchange, call) -> {
            if (call == 1) {
                exchange.getResponseHeaders().set("Retry-After", "7");
                send(exchange, 429, "text/plain", "slow down");
            } else {
                send(exchange, 200, "text/csv; charset=utf-8", "a,b\n1,2\n");
            }
        });
        HttpFetcher.Fetched fetched = fetcher(Duration.ofSeconds(5), 3).fetch(uri, CSV, ResponseCache.NONE);
        assertEquals("a,b\n1,2\n", new String(fetched.body(), StandardCharsets.UTF_8));
        assertEquals(List.of(Duration.ofSeconds(7)), waits, "waited exactly what Retry-After asked");
        assertTrue(log.get(0).contains("HTTP 429; waiting 7.0 s before attempt 2 of 3"), log.toString());
    }

    @Test
    void retry_after_as_an_http_date_is_honoured() throws Exception {
        URI uri = serve((exchange, call) -> {
            if (call == 1) {
                exchange.getResponseHeaders().set("Retry-After", "Wed, 20 May 2026 12:00:30 GMT");
                send(exchange, 503, "text/plain", "maintenance");
            } else {
                send(exchange, 200, "text/csv", "a\n1\n");
            }
        });
        fetcher(Duration.ofSeconds(5), 3).fetch(uri, CSV, ResponseCache.NONE);
        assertEquals(List.of(Duration.ofSeconds(30)), waits);
    }

    @Test
    void a_retry_after_longer_than_we_accept_stops_instead_of_hanging() throws Exception {
        URI uri = serve((exchange, call) -> {
            exchange.getResponseHeaders().set("Retry-After", "3600");
            send(exchange, 429, "text/plain", "come back in an hour");
        });
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Duration.ofSeconds(5), 3).fetch(uri, CSV, ResponseCache.NONE));
        assertTrue(e.getMessage().contains("asked us to wait 3600 s (HTTP 429), longer than the 120 s we accept"), e.getMessage());
        assertTrue(waits.isEmpty(), "did not wait at all");
    }

    @Test
    void a_500_then_success_backs_off_and_succeeds() throws Exception {
        URI uri = serve((exchange, call) -> {
            if (call <= 2) {
                send(exchange, 500, "text/plain", "oops");
            } else {
                send(exchange, 200, "text/csv", "a\n1\n");
            }
        });
        HttpFetcher.Fetched fetched = fetcher(Duration.ofSeconds(5), 4).fetch(uri, CSV, ResponseCache.NONE);
        assertEquals("a\n1\n", new String(fetched.body(), StandardCharsets.UTF_8));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits, "exponential backoff");
        assertEquals(3, userAgents.size());
    }

    @Test
    void persistent_5xx_gives_up_after_the_allowed_attempts_with_a_clear_message() throws Exception {
        URI uri = serve((exchange, call) -> send(exchange, 502, "text/plain", "bad gateway"));
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Duration.ofSeconds(5), 3).fetch(uri, CSV, ResponseCache.NONE));
        assertTrue(e.getMessage().contains("failed 3 times (last: HTTP 502)"), e.getMessage());
        assertTrue(e.getMessage().contains("--snapshot FILE"), e.getMessage());
    }

    @Test
    void a_404_is_not_retried() throws Exception {
        URI uri = serve((exchange, call) -> send(exchange, 404, "text/plain", "gone"));
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Duration.ofSeconds(5), 3).fetch(uri, CSV, ResponseCache.NONE));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertEquals(1, userAgents.size());
        assertTrue(waits.isEmpty());
    }

    @Test
    void a_server_that_never_answers_times_out_and_is_retried() throws Exception {
        URI uri = serve((exchange, call) -> {
            try {
                Thread.sleep(call == 1 ? 1500 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "text/csv", "a\n1\n");
        });
        HttpFetcher.Fetched fetched = fetcher(Duration.ofMillis(400), 2).fetch(uri, CSV, ResponseCache.NONE);
        assertEquals("a\n1\n", new String(fetched.body(), StandardCharsets.UTF_8));
        assertTrue(log.get(0).contains("no complete answer within"), log.toString());
    }

    @Test
    void a_truncated_body_is_retried_and_then_fails_loudly() throws Exception {
        // A raw socket server: it promises 1000 bytes, sends a few, and hangs up.
        AtomicInteger connections = new AtomicInteger();
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket client = socket.accept()) {
                        connections.incrementAndGet();
                        java.io.BufferedReader in = new java.io.BufferedReader(
                                new java.io.InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // read the request head
                        }
                        OutputStream out = client.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n\r\na,b\n1,2\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            serverThread.setDaemon(true);
            serverThread.start();
            URI uri = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/data");
            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher(Duration.ofSeconds(5), 2).fetch(uri, CSV, ResponseCache.NONE));
            assertTrue(e.getMessage().contains("failed 2 times (last: the response was cut short"), e.getMessage());
            assertEquals(2, connections.get());
        }
    }

    @Test
    void a_server_that_sends_headers_and_then_stalls_times_out() throws Exception {
        URI uri = serve((exchange, call) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("a,b\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Duration.ofMillis(500), 1).fetch(uri, CSV, ResponseCache.NONE));
        assertTrue(e.getMessage().contains("no complete answer within"), e.getMessage());
    }

    @Test
    void the_wrong_content_type_fails_at_once_naming_what_was_expected() throws Exception {
        URI uri = serve((exchange, call) -> send(exchange, 200, "text/html; charset=utf-8",
                "<html><body>Checking your browser…</body></html>"));
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Duration.ofSeconds(5), 3).fetch(uri, Set.of("application/json"), ResponseCache.NONE));
        assertTrue(e.getMessage().contains("content type 'text/html' where application/json was expected"), e.getMessage());
        assertTrue(e.getMessage().contains("bot-protection"), e.getMessage());
        assertEquals(1, userAgents.size(), "not retried");
    }

    @Test
    void changed_columns_from_a_live_server_fail_the_source_loudly() throws Exception {
        String csv = new String(Fixtures.bytes(Fixtures.LMARENA), StandardCharsets.UTF_8).replaceFirst("arena_score", "score");
        URI uri = serve((exchange, call) -> send(exchange, 200, "text/csv", csv));
        Source source = new LmarenaSource();
        HttpFetcher.Fetched fetched = fetcher(Duration.ofSeconds(5), 1).fetch(uri, source.contentTypes(), ResponseCache.NONE);
        SourceShapeException e = assertThrows(SourceShapeException.class, () -> source.parse(fetched.body(), uri.toString()));
        assertTrue(e.getMessage().startsWith("lmarena: " + uri + " lacks the column(s) 'arena_score'"), e.getMessage());
    }

    @Test
    void every_request_says_who_we_are() throws Exception {
        URI uri = serve((exchange, call) -> send(exchange, 200, "text/csv", "a\n1\n"));
        fetcher(Duration.ofSeconds(5), 1).fetch(uri, CSV, ResponseCache.NONE);
        assertEquals(List.of(HttpFetcher.USER_AGENT), userAgents);
        assertTrue(HttpFetcher.USER_AGENT.contains("docs/sources.md"));
    }

    @Test
    void a_second_run_asks_if_changed_and_uses_the_saved_copy_on_304(@TempDir Path cacheDir) throws Exception {
        List<String> conditions = Collections.synchronizedList(new ArrayList<>());
        URI uri = serve((exchange, call) -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(String.valueOf(ifNoneMatch));
            if ("\"v1\"".equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Tue, 19 May 2026 08:00:00 GMT");
            send(exchange, 200, "text/csv", "a\n1\n");
        });
        ResponseCache cache = ResponseCache.in(cacheDir);
        HttpFetcher.Fetched first = fetcher(Duration.ofSeconds(5), 1).fetch(uri, CSV, cache);
        HttpFetcher.Fetched second = fetcher(Duration.ofSeconds(5), 1).fetch(uri, CSV, cache);
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertArrayEquals(first.body(), second.body());
        assertEquals(List.of("null", "\"v1\""), conditions);
    }

    @Test
    void requests_are_spaced_by_the_polite_interval() throws Exception {
        URI uri = serve((exchange, call) -> send(exchange, 200, "text/csv", "a\n1\n"));
        HttpFetcher.Policy policy = new HttpFetcher.Policy(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3),
                1, Duration.ofSeconds(1), Duration.ofSeconds(120), HttpFetcher.USER_AGENT);
        HttpFetcher polite = new HttpFetcher(policy, waits::add, Clock.systemUTC(), log::add);
        polite.fetch(uri, CSV, ResponseCache.NONE);
        polite.fetch(uri, CSV, ResponseCache.NONE);
        assertEquals(1, waits.size(), "the second request waited");
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(2)) > 0 && waits.get(0).compareTo(Duration.ofSeconds(3)) <= 0,
                waits.toString());
    }
}
