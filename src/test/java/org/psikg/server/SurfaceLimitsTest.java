package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;

/**
 * The server's surface around the engine (issue 16, item 4 and 5): the global cap on
 * queries in flight sheds with 503 and Retry-After; a dot segment is refused before any
 * rule reads the path, so {@code /docs/../id/...} cannot pass the per-client limit as a
 * static file; a body that trickles in is dropped.
 */
class SurfaceLimitsTest {
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    @Test
    void queriesOverTheGlobalCapAreShedWithRetryAfter() throws Exception {
        KnowledgeGraph kg = TestServer.graph();
        ServerSettings settings = TestServer.SETTINGS.toBuilder().requestLimits(100_000, 256 * 1024, 100)
                .queryLimits(TestServer.SETTINGS.queryLimits().withInFlight(1, 1)).build();
        try (PsikgServer server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), settings, Path.of("docs"))) {
            int n = 4;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<RawHttp.Response>> answers = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    answers.add(pool.submit(() -> RawHttp.send(null, server.url(),
                            "GET /psikg/sparql?query=" + SparqlProtocolTest.enc(SLOW) + " HTTP/1.1",
                            Map.of("Accept", "application/sparql-results+json"), null)));
                }
                int busy = 0;
                for (Future<RawHttp.Response> f : answers) {
                    RawHttp.Response r = f.get(2, TimeUnit.MINUTES);
                    assertEquals(503, r.status(), r.body());
                    if (r.body().contains("busy")) {
                        busy++;
                        assertEquals(ClientLimit.RETRY_AFTER_SECONDS, r.header("Retry-After"), "a shed query says when to retry");
                    }
                }
                // One runs to its timeout; of the rest, one may wait and be served after it, or be shed too.
                assertTrue(busy >= n - 2, busy + " of " + n + " shed as busy, with one slot and a queue of one");
            } finally {
                pool.shutdownNow();
            }
            RawHttp.Response ask = RawHttp.send(null, server.url(), "GET /psikg/sparql?query=" + SparqlProtocolTest.enc("ASK {}")
                    + " HTTP/1.1", Map.of("Accept", "application/sparql-results+json"), null);
            assertEquals(200, ask.status(), "the slot is free again: " + ask.body());
        }
    }

    /** One long query at a time (long: past 300 ms here): the others are stopped at once, not at their timeout. */
    @Test
    void longQueriesBeyondTheirShareAreStopped() throws Exception {
        List<RawHttp.Response> answers = slowQueriesAt(TestServer.SETTINGS.queryLimits().withWatch(1, 300, 0.99), 3);
        long stopped = answers.stream().filter(r -> r.status() == 503 && r.body().contains("long queries")).count();
        long timedOut = answers.stream().filter(r -> r.status() == 503 && r.body().toLowerCase(java.util.Locale.ROOT)
                .contains("timed out")).count();
        assertEquals(1, timedOut, "the oldest long query runs to its timeout: " + answers);
        assertEquals(2, stopped, "the others are stopped as long: " + answers);
        answers.stream().filter(r -> r.body().contains("long queries"))
                .forEach(r -> assertEquals(ClientLimit.RETRY_AFTER_SECONDS, r.header("Retry-After")));
    }

    /** With the heap line set below what any JVM uses, the running query is stopped for memory. */
    @Test
    void aQueryIsStoppedWhenTheHeapIsFull() throws Exception {
        List<RawHttp.Response> answers = slowQueriesAt(TestServer.SETTINGS.queryLimits().withWatch(10, 60_000, 1e-6), 1);
        assertEquals(503, answers.get(0).status(), answers.get(0).body());
        assertTrue(answers.get(0).body().contains("memory"), answers.get(0).body());
    }

    private static List<RawHttp.Response> slowQueriesAt(QueryLimits limits, int n) throws Exception {
        KnowledgeGraph kg = TestServer.graph();
        ServerSettings settings = TestServer.SETTINGS.toBuilder().requestLimits(100_000, 256 * 1024, 100).queryLimits(limits)
                .build();
        try (PsikgServer server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), settings, Path.of("docs"))) {
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<RawHttp.Response>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    futures.add(pool.submit(() -> RawHttp.send(null, server.url(),
                            "GET /psikg/sparql?query=" + SparqlProtocolTest.enc(SLOW) + " HTTP/1.1",
                            Map.of("Accept", "application/sparql-results+json"), null)));
                }
                List<RawHttp.Response> answers = new ArrayList<>();
                for (Future<RawHttp.Response> f : futures) {
                    answers.add(f.get(2, TimeUnit.MINUTES));
                }
                return answers;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs/../id/eaeu", "/ui/../ontology", "/docs/%2e%2e/id/eaeu", "/docs/%2E%2E/dumps/",
        "/ui/..;/id/eaeu", "/docs/.%2e/article/x", "/docs/%252e%252e/id/eaeu", "/./id/eaeu", "/id/./eaeu"})
    void dotSegmentsAreRefusedBeforeAnyRule(String path) {
        RawHttp.Response r = RawHttp.send(null, TestServer.url(), "GET " + path + " HTTP/1.1", Map.of("Accept", "text/html"), null);
        assertEquals(400, r.status(), path + ": " + r.body());
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    @Test
    void theStaticPathsAreJudgedOnTheNormalisedPath() {
        assertTrue(DotSegments.isAmbiguous("/docs/../id/x"));
        assertTrue(DotSegments.isAmbiguous("/docs/..%2fid"));
        assertTrue(!DotSegments.isAmbiguous("/id/eaeu") && !DotSegments.isAmbiguous("/docs/server.md")
                && !DotSegments.isAmbiguous("/id/a..b") && !DotSegments.isAmbiguous("/docs/.hidden"),
                "ordinary paths, and dots inside a name, pass");
    }

    /** A body sent a byte every 200 ms, far under the minimum rate: the server drops it rather than wait. */
    @Test
    void aTricklingBodyIsDropped() throws IOException {
        KnowledgeGraph kg = TestServer.graph();
        ServerSettings settings = TestServer.SETTINGS.toBuilder().connections(32, 1024).build();
        try (PsikgServer server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), settings, Path.of("docs"));
             Socket s = new Socket()) {
            URI base = URI.create(server.url());
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()), 10_000);
            s.setSoTimeout(60_000);
            byte[] body = "query=ASK%20%7B%7D".repeat(20).getBytes(StandardCharsets.US_ASCII);
            OutputStream out = s.getOutputStream();
            out.write(("POST /psikg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean dropped = false;
            try {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(200);
                    if (s.getInputStream().available() > 0) {
                        dropped = true;
                        break;
                    }
                }
            } catch (IOException e) {
                dropped = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            InputStream in = s.getInputStream();
            String answer = dropped ? new String(in.readNBytes(Math.max(0, in.available())), StandardCharsets.ISO_8859_1) : "";
            System.out.printf("a body at 5 bytes/s: dropped after %.1f s (%s)%n", seconds, answer.lines().findFirst().orElse("closed"));
            assertTrue(dropped, "the server waited for the whole trickling body (" + body.length + " bytes over "
                    + Duration.ofMillis(body.length * 200L).toSeconds() + " s)");
        }
    }
}
