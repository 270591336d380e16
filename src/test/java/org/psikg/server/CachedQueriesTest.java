package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;

/**
 * The result cache, the validators and the compression of the SPARQL endpoint, over HTTP
 * on a real server: a repeat is a hit with the same bytes, whatever the spelling of the
 * query; another format is another entry; the cache stays within its bytes; new data is
 * never answered from an old entry; 304 on the ETag; gzip when asked, the same bytes once inflated.
 */
class CachedQueriesTest {
    private static final String JSON = "application/sparql-results+json";
    private static final String LABELS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?s ?l";

    private static PsikgServer server;

    @BeforeAll
    static void start() {
        server = start(ServerSettings.builder().port(0).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PsikgServer start(ServerSettings settings) {
        KnowledgeGraph kg = TestServer.graph();
        return PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), settings, Path.of("docs"));
    }

    private static HttpResponse<byte[]> get(PsikgServer s, String query, String accept, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + "/psikg/sparql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60)).header("Accept", accept);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return bytes(b.build());
    }

    private static HttpResponse<byte[]> bytes(HttpRequest r) {
        try {
            return TestServer.CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The headers of the answer itself: not those of the exchange (date, request id, hit or miss). */
    private static Map<String, List<String>> answerHeaders(HttpResponse<?> r) {
        Map<String, List<String>> h = new TreeMap<>(r.headers().map());
        for (String name : List.of("date", "fuseki-request-id", CachedQueries.STATUS_HEADER.toLowerCase(Locale.ROOT))) {
            h.remove(name);
        }
        return h;
    }

    private static String cache(HttpResponse<?> r) {
        return r.headers().firstValue(CachedQueries.STATUS_HEADER).orElse(null);
    }

    @Test
    void aRepeatIsAHitWithTheSameBytesWhateverTheSpelling() {
        String query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
        HttpResponse<byte[]> first = get(server, query, JSON);
        assertEquals(200, first.statusCode());
        assertEquals("miss", cache(first));
        ResultCache.Stats before = server.cacheStats().orElseThrow();
        String respelled = "# the same query, other spacing and prefixes\nPREFIX x: <http://example.org/>\n"
                + "select ?g (count(*) as ?n)\n  where {graph ?g {?s ?p ?o}}\ngroup by ?g order by ?g";
        HttpResponse<byte[]> again = get(server, respelled, JSON);
        assertEquals("hit", cache(again));
        assertArrayEquals(first.body(), again.body());
        assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"));
        assertEquals(first.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
        assertEquals(answerHeaders(first), answerHeaders(again), "a hit has the headers of the miss");
        assertEquals("no-cache", again.headers().firstValue("Cache-Control").orElseThrow(), "may be kept and revalidated");
        assertTrue(FrontTest.vary(again).containsAll(List.of("Accept", "Accept-Encoding")), FrontTest.vary(again).toString());
        ResultCache.Stats after = server.cacheStats().orElseThrow();
        assertEquals(before.hits() + 1, after.hits());
        assertEquals(before.misses(), after.misses());
        // By POST, as a body: the same entry.
        HttpResponse<byte[]> posted = bytes(HttpRequest.newBuilder(URI.create(server.url() + "/psikg/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(query)).build());
        assertEquals("hit", cache(posted));
        assertArrayEquals(first.body(), posted.body());
        // As a form: the same entry too.
        HttpResponse<byte[]> form = bytes(HttpRequest.newBuilder(URI.create(server.url() + "/psikg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.form("query", respelled))).build());
        assertEquals("hit", cache(form));
        assertArrayEquals(first.body(), form.body());
    }

    @Test
    void aCachedAnswerIsTheFreshOne() {
        HttpResponse<byte[]> cached = get(server, LABELS, "text/csv");
        try (PsikgServer fresh = start(ServerSettings.builder().port(0).cacheBytes(0).build())) {
            HttpResponse<byte[]> uncached = get(fresh, LABELS, "text/csv");
            assertNull(cache(uncached), "no cache at size 0");
            assertArrayEquals(uncached.body(), cached.body());
            assertEquals(uncached.headers().firstValue("ETag"), cached.headers().firstValue("ETag"));
        }
    }

    @Test
    void anotherFormatIsAnotherEntry() {
        String query = "SELECT ?s WHERE { ?s a ?t } ORDER BY ?s LIMIT 3";
        HttpResponse<byte[]> json = get(server, query, JSON);
        HttpResponse<byte[]> xml = get(server, query, "application/sparql-results+xml");
        assertEquals("miss", cache(xml));
        assertTrue(new String(xml.body(), StandardCharsets.UTF_8).contains("<sparql"));
        assertNotEquals(json.headers().firstValue("ETag"), xml.headers().firstValue("ETag"));
        assertEquals("hit", cache(get(server, query, JSON)));
        assertEquals("hit", cache(get(server, query, "application/sparql-results+xml")));
    }

    @Test
    void errorsAndVolatileQueriesAreNotKept() {
        String unknown = "SELECT * WHERE { ?s <http://example.org/p> ?o FILTER(<http://example.org/f>(?o)) }";
        assertEquals(400, get(server, unknown, JSON).statusCode());
        HttpResponse<byte[]> again = get(server, unknown, JSON);
        assertEquals(400, again.statusCode());
        assertEquals("miss", cache(again), "a refusal is not kept");
        assertEquals("miss", cache(get(server, "ASK {}", JSON)));
        HttpResponse<byte[]> badTimeout = bytes(HttpRequest.newBuilder(URI.create(server.url()
                + "/psikg/sparql?timeout=soon&query=ASK%20%7B%7D")).header("Accept", JSON).build());
        assertEquals(400, badTimeout.statusCode(), "the cached ASK {} does not hide the bad timeout");
        HttpResponse<byte[]> arq = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://example.org/p>{2} ?o }", JSON);
        assertEquals(400, arq.statusCode());
        assertNull(cache(arq), "ARQ's syntax is refused before the lookup");
        HttpResponse<byte[]> now = get(server, "SELECT (NOW() AS ?t) WHERE {}", JSON);
        assertEquals(200, now.statusCode());
        assertNull(cache(now), "NOW() is not looked up");
    }

    @Test
    void matchingEtagIs304ForGet() {
        HttpResponse<byte[]> first = get(server, LABELS, JSON);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        HttpResponse<byte[]> revalidated = get(server, LABELS, JSON, "If-None-Match", etag);
        assertEquals(304, revalidated.statusCode());
        assertEquals(0, revalidated.body().length);
        assertEquals(etag, revalidated.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, get(server, LABELS, JSON, "If-None-Match", "\"other\"").statusCode());
    }

    @Test
    void gzipWhenAskedIsTheSameBytesInflated() throws IOException {
        HttpResponse<byte[]> identity = get(server, LABELS, JSON);
        assertTrue(identity.headers().firstValue("Content-Encoding").isEmpty());
        assertTrue(identity.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
                identity.headers().map().toString());
        HttpResponse<byte[]> gzip = get(server, LABELS, JSON, "Accept-Encoding", "gzip");
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(gzip.body().length < identity.body().length);
        byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes();
        assertArrayEquals(identity.body(), inflated);
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(identity.headers().firstValue("ETag").orElseThrow(), gzipTag, "each encoding its own tag");
        assertEquals(304, get(server, LABELS, JSON, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode());
        // The pages too.
        HttpResponse<byte[]> page = bytes(HttpRequest.newBuilder(URI.create(server.url() + "/"))
                .header("Accept", "text/html").header("Accept-Encoding", "gzip").build());
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElseThrow());
    }

    @Test
    void theCacheStaysWithinItsBytes() {
        long max = 256 * 1024;
        try (PsikgServer small = start(ServerSettings.builder().port(0).cacheBytes(max).build())) {
            for (int i = 0; i < 60; i++) {
                HttpResponse<byte[]> r = get(small, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 20 OFFSET " + i, JSON);
                assertEquals(200, r.statusCode());
                assertTrue(r.body().length <= max / 16, "each answer fits: " + r.body().length);
            }
            ResultCache.Stats stats = small.cacheStats().orElseThrow();
            assertTrue(stats.bytes() <= max, stats.toString());
            assertTrue(stats.evictions() > 0, stats.toString());
            assertEquals("miss", cache(get(small, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 20 OFFSET 0", JSON)),
                    "the oldest went first");
            assertEquals("hit", cache(get(small, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 20 OFFSET 59", JSON)));
            HttpResponse<byte[]> large = get(small, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 90", JSON);
            assertTrue(large.body().length > max / 16);
            assertEquals("miss", cache(large));
            assertEquals("miss", cache(get(small, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 90", JSON)),
                    "an answer over a sixteenth of the cache is not kept");
        }
    }

    @Test
    void newDataIsNeverAnsweredFromTheCache() {
        String count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
        KnowledgeGraph kg = TestServer.graph();
        DatasetGraph rebuilt = TdbStore.inMemory(kg.dataset(), kg.prefixes());
        rebuilt.executeWrite(() -> rebuilt.add(Quad.create(NodeFactory.createURI("http://example.org/g"),
                NodeFactory.createURI("http://example.org/a"), NodeFactory.createURI("http://example.org/b"),
                NodeFactory.createURI("http://example.org/c"))));
        HttpResponse<byte[]> old = get(server, count, "text/csv");
        get(server, count, "text/csv");
        try (PsikgServer next = PsikgServer.start(rebuilt, ServerSettings.builder().port(0).build(), Path.of("docs"))) {
            HttpResponse<byte[]> r = get(next, count, "text/csv");
            assertEquals("miss", cache(r), "a new server over the rebuilt store starts empty");
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).equals(new String(old.body(), StandardCharsets.UTF_8)));
        }
        // With --allow-update there is no cache: an update shows at once.
        try (PsikgServer open = start(ServerSettings.builder().port(0).allowUpdate(true).build())) {
            assertTrue(open.cacheStats().isEmpty());
            String before = new String(get(open, count, "text/csv").body(), StandardCharsets.UTF_8);
            HttpResponse<byte[]> update = bytes(HttpRequest.newBuilder(URI.create(open.url() + "/psikg/update"))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://example.org/g> {"
                            + " <http://example.org/a> <http://example.org/b> <http://example.org/c> } }")).build());
            assertEquals(2, update.statusCode() / 100);
            HttpResponse<byte[]> after = get(open, count, "text/csv");
            assertNull(cache(after));
            assertNotEquals(before, new String(after.body(), StandardCharsets.UTF_8));
        }
    }
}
