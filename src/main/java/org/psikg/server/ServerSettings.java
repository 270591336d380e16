package org.psikg.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server listens and what it lets clients do. The defaults are the safe ones of
 * docs/server.md and docs/security.md: read-only, no federated queries, 10 s to the first
 * result and 30 s in all, at most 10,000 result rows, queries of at most 100,000 characters
 * in request bodies of at most 1 MiB, at most 4 requests at once from one address, CORS for
 * GET and POST from any origin, 64 MiB of cached query answers.
 * <pre>
 * ServerSettings s = ServerSettings.builder().port(0).timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).build();
 * ServerSettings open = s.toBuilder().allowUpdate(true).build();
 * </pre>
 * The limits must be at least 1 and the timeouts more than zero; {@link Builder#build} refuses
 * others with an {@link IllegalArgumentException} naming the setting.
 *
 * @param host                  the address to listen on
 * @param port                  the port; 0 picks a free one
 * @param baseUrl               the public URL of the server ({@code https://example.org}) for links,
 *                              VoID and the service description; {@code null}: from each request
 * @param firstResult           the longest a query may take to its first result
 * @param total                 the longest a query may take in all
 * @param maxRows               the most rows (or triples) a query may return; more is an error
 * @param allowUpdate           SPARQL Update at /psikg/update and Graph Store writes at /psikg/data
 * @param allowService          SERVICE (federated query) to other endpoints
 * @param corsOrigin            the Access-Control-Allow-Origin value; {@code null}: no CORS headers
 * @param maxQueryLength        the most characters a query may have; a longer one is refused unparsed
 * @param maxRequestBytes       the most bytes of a request body, and of a request's query string
 * @param maxConcurrentPerClient the most requests one client address may have in progress at once
 * @param trustedProxy          the address of a reverse proxy whose X-Forwarded-For (its last
 *                              entry) names the client; {@code null}: the header is never believed
 * @param queryLimits           the limits inside the engine: the gate, the sizes, the queries in flight
 * @param requestThreads        the most threads serving requests (Jetty's pool)
 * @param minRequestBytesPerSecond the slowest a request body may arrive; a slower one is dropped
 * @param cacheBytes            the most bytes of query answers kept in memory ({@link ResultCache});
 *                              0: no cache. Never used with {@code allowUpdate}
 */
public record ServerSettings(String host, int port, String baseUrl, Duration firstResult, Duration total, int maxRows,
                             boolean allowUpdate, boolean allowService, String corsOrigin, int maxQueryLength,
                             int maxRequestBytes, int maxConcurrentPerClient, String trustedProxy,
                             QueryLimits queryLimits, int requestThreads, int minRequestBytesPerSecond,
                             long cacheBytes) {

    public static final String DATASET = "/psikg";

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        positive("the time to the first result", firstResult);
        positive("the total time", total);
        atLeastOne("maxRows", maxRows);
        atLeastOne("maxQueryLength", maxQueryLength);
        atLeastOne("maxRequestBytes", maxRequestBytes);
        atLeastOne("maxConcurrentPerClient", maxConcurrentPerClient);
        Objects.requireNonNull(queryLimits, "queryLimits");
        atLeastOne("requestThreads", requestThreads);
        atLeastOne("minRequestBytesPerSecond", minRequestBytesPerSecond);
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes must be at least 0: " + cacheBytes);
        }
    }

    /** Whether query answers are cached: a size was given and the data cannot change. */
    public boolean cachesResults() {
        return cacheBytes > 0 && !allowUpdate;
    }

    public static ServerSettings defaults() {
        return builder().build();
    }

    /** A builder that starts from the {@linkplain #defaults() defaults}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.baseUrl = baseUrl;
        b.firstResult = firstResult;
        b.total = total;
        b.maxRows = maxRows;
        b.allowUpdate = allowUpdate;
        b.allowService = allowService;
        b.corsOrigin = corsOrigin;
        b.maxQueryLength = maxQueryLength;
        b.maxRequestBytes = maxRequestBytes;
        b.maxConcurrentPerClient = maxConcurrentPerClient;
        b.trustedProxy = trustedProxy;
        b.queryLimits = queryLimits;
        b.requestThreads = requestThreads;
        b.minRequestBytesPerSecond = minRequestBytesPerSecond;
        b.cacheBytes = cacheBytes;
        return b;
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be more than zero: " + d);
        }
    }

    private static void atLeastOne(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + n);
        }
    }

    /** Settings one at a time; each setter's parameter is the record component of the same name. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 3030;
        private String baseUrl;
        private Duration firstResult = Duration.ofSeconds(10);
        private Duration total = Duration.ofSeconds(30);
        private int maxRows = 10_000;
        private boolean allowUpdate;
        private boolean allowService;
        private String corsOrigin = "*";
        private int maxQueryLength = 100_000;
        private int maxRequestBytes = 1 << 20;
        private int maxConcurrentPerClient = 4;
        private String trustedProxy;
        private QueryLimits queryLimits = QueryLimits.defaults();
        private int requestThreads = 128;
        private int minRequestBytesPerSecond = 1024;
        private long cacheBytes = 64L << 20;

        private Builder() {
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder baseUrl(String value) {
            baseUrl = value;
            return this;
        }

        /** The longest a query may take to its first result, and in all. */
        public Builder timeouts(Duration toFirstResult, Duration inAll) {
            firstResult = toFirstResult;
            total = inAll;
            return this;
        }

        public Builder maxRows(int value) {
            maxRows = value;
            return this;
        }

        public Builder allowUpdate(boolean value) {
            allowUpdate = value;
            return this;
        }

        public Builder allowService(boolean value) {
            allowService = value;
            return this;
        }

        public Builder corsOrigin(String value) {
            corsOrigin = value;
            return this;
        }

        /** The request limits: query characters, request bytes, requests at once per client address. */
        public Builder requestLimits(int queryLength, int requestBytes, int concurrentPerClient) {
            maxQueryLength = queryLength;
            maxRequestBytes = requestBytes;
            maxConcurrentPerClient = concurrentPerClient;
            return this;
        }

        public Builder trustedProxy(String value) {
            trustedProxy = value;
            return this;
        }

        public Builder queryLimits(QueryLimits value) {
            queryLimits = value;
            return this;
        }

        /** Jetty's request pool, and the slowest a request body may arrive (bytes per second). */
        public Builder connections(int threads, int minBytesPerSecond) {
            requestThreads = threads;
            minRequestBytesPerSecond = minBytesPerSecond;
            return this;
        }

        public Builder cacheBytes(long value) {
            cacheBytes = value;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allowUpdate, allowService,
                    corsOrigin, maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits,
                    requestThreads, minRequestBytesPerSecond, cacheBytes);
        }
    }
}
