package org.psikg.server;

import java.time.Duration;

/**
 * How the server listens and what it lets clients do. The defaults are the safe ones of
 * docs/server.md and docs/security.md: read-only, no federated queries, 10 s to the first
 * result and 30 s in all, at most 10,000 result rows, queries of at most 100,000 characters
 * in request bodies of at most 1 MiB, at most 4 requests at once from one address, CORS for
 * GET and POST from any origin.
 * <pre>
 * ServerSettings s = ServerSettings.defaults().withPort(0).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
 * </pre>
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
 */
public record ServerSettings(String host, int port, String baseUrl, Duration firstResult, Duration total, int maxRows,
                             boolean allowUpdate, boolean allowService, String corsOrigin, int maxQueryLength,
                             int maxRequestBytes, int maxConcurrentPerClient, String trustedProxy,
                             QueryLimits queryLimits, int requestThreads, int minRequestBytesPerSecond) {

    public static final String DATASET = "/psikg";

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 3030, null, Duration.ofSeconds(10), Duration.ofSeconds(30), 10_000,
                false, false, "*", 100_000, 1 << 20, 4, null,
                QueryLimits.defaults(), 128, 1024);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, baseUrl, firstResult, total, maxRows, allowUpdate, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, baseUrl, firstResult, total, maxRows, allowUpdate, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withBaseUrl(String newBaseUrl) {
        return new ServerSettings(host, port, newBaseUrl, firstResult, total, maxRows, allowUpdate, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withTimeouts(Duration newFirstResult, Duration newTotal) {
        return new ServerSettings(host, port, baseUrl, newFirstResult, newTotal, maxRows, allowUpdate, allowService,
                corsOrigin, maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withMaxRows(int newMaxRows) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, newMaxRows, allowUpdate, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withUpdate(boolean allow) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allow, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withService(boolean allow) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allowUpdate, allow, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withCorsOrigin(String origin) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allowUpdate, allowService, origin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    /** The request limits: query characters, request bytes, requests at once per client address. */
    public ServerSettings withRequestLimits(int newMaxQueryLength, int newMaxRequestBytes, int newMaxConcurrentPerClient) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allowUpdate, allowService, corsOrigin,
                newMaxQueryLength, newMaxRequestBytes, newMaxConcurrentPerClient, trustedProxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withTrustedProxy(String proxy) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allowUpdate, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, proxy, queryLimits, requestThreads,
                minRequestBytesPerSecond);
    }

    public ServerSettings withQueryLimits(QueryLimits limits) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allowUpdate, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, limits, requestThreads,
                minRequestBytesPerSecond);
    }

    /** Jetty's request pool and the slowest request body it waits for. */
    public ServerSettings withConnections(int newRequestThreads, int newMinRequestBytesPerSecond) {
        return new ServerSettings(host, port, baseUrl, firstResult, total, maxRows, allowUpdate, allowService, corsOrigin,
                maxQueryLength, maxRequestBytes, maxConcurrentPerClient, trustedProxy, queryLimits, newRequestThreads,
                newMinRequestBytesPerSecond);
    }
}
