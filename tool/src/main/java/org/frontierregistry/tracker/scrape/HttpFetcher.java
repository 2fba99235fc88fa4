package org.frontierregistry.tracker.scrape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The one HTTP client every source uses: timeouts, a polite pause between requests, retries with
 * backoff on 429 and 5xx (honouring Retry-After), a User-Agent that says who we are, conditional
 * requests (ETag / Last-Modified) through a {@link ResponseCache}, and a check of the content type.
 */
public final class HttpFetcher {
    public static final String USER_AGENT = "frontier-compute-registry-bot/0.1"
            + " (+https://github.com/frontier-compute-registry/registry/blob/main/docs/sources.md)";

    /**
     * @param connectTimeout  how long to wait for a connection
     * @param requestTimeout  how long to wait for the whole response
     * @param minInterval     the least time between two requests (politeness)
     * @param maxAttempts     attempts per URL, the first included
     * @param firstBackoff    wait before the second attempt; doubles each time (unless Retry-After says otherwise)
     * @param maxWait         the longest single wait we accept; a Retry-After beyond it fails instead of hanging
     */
    public record Policy(Duration connectTimeout, Duration requestTimeout, Duration minInterval, int maxAttempts,
                         Duration firstBackoff, Duration maxWait, String userAgent) {
        public static Policy polite() {
            return new Policy(Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(2), 4,
                    Duration.ofSeconds(2), Duration.ofMinutes(2), USER_AGENT);
        }
    }

    /** Waits; tests pass one that records the waits instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A successful response. {@code fromCache} when the server answered 304 Not Modified. */
    public record Fetched(URI uri, byte[] body, String contentType, boolean fromCache) {
    }

    private final HttpClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> log;
    private long lastRequestNanos = Long.MIN_VALUE;

    public HttpFetcher(Policy policy, Sleeper sleeper, Clock clock, Consumer<String> log) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.log = log;
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public static HttpFetcher polite(Consumer<String> log) {
        return new HttpFetcher(Policy.polite(), d -> Thread.sleep(d.toMillis()), Clock.systemUTC(), log);
    }

    /**
     * Fetches {@code uri}, expecting one of {@code contentTypes}.
     *
     * @param cache where the last good response and its validators are kept (may be {@link ResponseCache#NONE})
     */
    public Fetched fetch(URI uri, Set<String> contentTypes, ResponseCache cache) throws FetchException {
        return fetch(uri, contentTypes, cache, Map.of());
    }

    /**
     * Fetches with extra request headers (e.g. an API key). Header values are sent, never logged or cached.
     */
    public Fetched fetch(URI uri, Set<String> contentTypes, ResponseCache cache, Map<String, String> headers)
            throws FetchException {
        Optional<ResponseCache.Entry> cached = cache.load(uri);
        String lastProblem = "";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration wait = Duration.ZERO;
            try {
                pauseForPoliteness();
                HttpResponse<byte[]> response = send(request(uri, cached, headers));
                int status = response.statusCode();
                if (status == 304 && cached.isPresent()) {
                    log.accept("  " + uri + ": not modified since the last run; using the saved copy");
                    return new Fetched(uri, cached.get().body(), cached.get().contentType(), true);
                }
                if (status >= 200 && status < 300) {
                    String type = mediaType(response.headers().firstValue("Content-Type").orElse(""));
                    if (!contentTypes.contains(type)) {
                        throw new FetchException(uri + " answered with content type '" + type + "' where "
                                + String.join(" or ", contentTypes.stream().sorted().toList())
                                + " was expected: the source may have moved or be showing a bot-protection page."
                                + " Open the URL in a browser; if the data moved, pass the new address with --url.");
                    }
                    cache.store(uri, new ResponseCache.Entry(response.body(), type,
                            response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null)));
                    return new Fetched(uri, response.body(), type, false);
                }
                lastProblem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw new FetchException(uri + " answered HTTP " + status
                            + "; this is not a passing fault, so the bot stops. Check the URL (--url) and docs/sources.md.");
                }
                wait = retryAfter(response).orElse(backoff(attempt));
            } catch (HttpTimeoutException | TimeoutException e) {
                lastProblem = "no complete answer within " + seconds(policy.requestTimeout());
                wait = backoff(attempt);
            } catch (IOException e) {
                lastProblem = describe(e);
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted while fetching " + uri);
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            if (wait.compareTo(policy.maxWait()) > 0) {
                throw new FetchException(uri + " asked us to wait " + wait.toSeconds() + " s (" + lastProblem
                        + "), longer than the " + policy.maxWait().toSeconds() + " s we accept; try again later.");
            }
            log.accept("  " + uri + ": " + lastProblem + "; waiting " + seconds(wait) + " before attempt "
                    + (attempt + 1) + " of " + policy.maxAttempts());
            sleep(wait);
        }
        throw new FetchException(uri + " failed " + policy.maxAttempts() + " times (last: " + lastProblem
                + "); try again later, or use a saved copy with --snapshot FILE.");
    }

    /**
     * The request timeout of java.net.http covers only the wait for the headers; a server that sends
     * headers and then stalls would hang us. So the whole exchange, body included, gets a deadline.
     */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(policy.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private HttpRequest request(URI uri, Optional<ResponseCache.Entry> cached, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(policy.requestTimeout())
                .header("User-Agent", policy.userAgent())
                .header("Accept", "*/*")
                .GET();
        headers.forEach(builder::header);
        cached.ifPresent(entry -> {
            if (entry.etag() != null) {
                builder.header("If-None-Match", entry.etag());
            }
            if (entry.lastModified() != null) {
                builder.header("If-Modified-Since", entry.lastModified());
            }
        });
        return builder.build();
    }

    private void pauseForPoliteness() throws InterruptedException {
        long now = System.nanoTime();
        if (lastRequestNanos != Long.MIN_VALUE) {
            long waitNanos = policy.minInterval().toNanos() - (now - lastRequestNanos);
            if (waitNanos > 0) {
                sleeper.sleep(Duration.ofNanos(waitNanos));
            }
        }
        lastRequestNanos = System.nanoTime();
    }

    private void sleep(Duration wait) throws FetchException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting to retry");
        }
    }

    private Duration backoff(int attempt) {
        return policy.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** Retry-After as seconds or as an HTTP date. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> parseRetryAfter(value.trim()));
    }

    Optional<Duration> parseRetryAfter(String value) {
        if (value.matches("[0-9]+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), when.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String mediaType(String header) {
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "could not connect to the host (no network, a firewall, or the host is down)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("content-length") || message.contains("EOF") || message.contains("closed")) {
            return "the response was cut short (" + message + ")";
        }
        return message;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
