package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The safe defaults of psikg serve, against the real server: no writes of any kind, no
 * SERVICE (and no connection made), no script functions, timeouts a client cannot raise,
 * the row cap signalled as an error, CORS for GET and POST only, no admin paths.
 */
class SafetyTest {
    private static final String PROBE = "ASK { <http://example.org/s> <http://example.org/p> <http://example.org/o> }";

    @Test
    void sparqlUpdateIsRefusedAndChangesNothing() {
        long before = TestServer.tripleCount();
        String update = "INSERT DATA { GRAPH <https://w3id.org/psikg/graph/registry> { <http://example.org/s> <http://example.org/p> <http://example.org/o> } }";
        List<HttpResponse<String>> answers = List.of(
                TestServer.send(TestServer.request("/psikg/sparql").header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build()),
                TestServer.send(TestServer.request("/psikg/sparql").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(TestServer.form("update", update))).build()),
                TestServer.send(TestServer.request("/psikg/update").header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build()),
                TestServer.send(TestServer.request("/psikg").header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build()),
                TestServer.query(update, "text/csv"));
        for (HttpResponse<String> r : answers) {
            assertClientError(r);
        }
        assertEquals(before, TestServer.tripleCount(), "the data is unchanged");
        assertTrue(TestServer.query(PROBE, "text/csv").body().contains("false"));
    }

    @Test
    void graphStoreWritesAreRefusedAndChangeNothing() {
        long before = TestServer.tripleCount();
        String turtle = "<http://example.org/s> <http://example.org/p> <http://example.org/o> .";
        String registry = "/psikg/data?graph=" + SparqlProtocolTest.enc("https://w3id.org/psikg/graph/registry");
        List<HttpResponse<String>> answers = List.of(
                TestServer.send(TestServer.request(registry).header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString(turtle)).build()),
                TestServer.send(TestServer.request("/psikg/data?default").header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString(turtle)).build()),
                TestServer.send(TestServer.request(registry).DELETE().build()),
                TestServer.send(TestServer.request("/psikg/data").header("Content-Type", "application/trig")
                        .PUT(HttpRequest.BodyPublishers.ofString("{ " + turtle + " }")).build()));
        for (HttpResponse<String> r : answers) {
            assertEquals(405, r.statusCode(), r.body());
        }
        assertEquals("GET, HEAD, OPTIONS", answers.get(0).headers().firstValue("Allow").orElse(""));
        assertEquals(before, TestServer.tripleCount(), "the data is unchanged");
        assertTrue(TestServer.query(PROBE, "text/csv").body().contains("false"));
    }

    @Test
    void loadIsRefused() {
        long before = TestServer.tripleCount();
        HttpResponse<String> r = TestServer.send(TestServer.request("/psikg/sparql").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.form("query", "LOAD <file:///etc/passwd>"))).build());
        assertClientError(r);
        HttpResponse<String> update = TestServer.send(TestServer.request("/psikg/sparql").header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/g>")).build());
        assertClientError(update);
        assertEquals(before, TestServer.tripleCount());
    }

    @Test
    void serviceIsRefusedWithoutAConnection() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1500);
            String target = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
            for (String q : List.of("SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE SILENT <" + target + "> { ?s ?p ?o } }",
                    "ASK { FILTER EXISTS { SERVICE <" + target + "> { ?s ?p ?o } } }",
                    "SELECT * WHERE { BIND (<" + target + "> AS ?e) SERVICE ?e { ?s ?p ?o } }")) {
                HttpResponse<String> r = TestServer.query(q, "application/sparql-results+json");
                assertEquals(400, r.statusCode(), q + "\n" + r.body());
                assertTrue(r.body().contains("SERVICE"), r.body());
            }
            try {
                listener.accept().close();
                throw new AssertionError("the server connected to the SERVICE address");
            } catch (SocketTimeoutException expected) {
                // No connection: what we want.
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT (js:f(1) AS ?x) WHERE {}",
        "SELECT * WHERE { ?s ?p ?o FILTER (<http://jena.apache.org/ARQ/jsFunction#f>(?o)) } LIMIT 1",
    })
    void scriptFunctionsAreRefused(String q) {
        HttpResponse<String> r = TestServer.query(q, "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("script"), r.body());
    }

    @Test
    void crossProductIsStoppedByTheTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> r = TestServer.query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "application/sparql-results+json");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().toLowerCase().contains("timed out"), r.body());
        assertTrue(seconds < TestServer.SETTINGS.total().toSeconds() + 5, "stopped after " + seconds + " s");
    }

    @Test
    void clientCannotRaiseTheTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> r = TestServer.get("/psikg/sparql?timeout=3600&query=" + SparqlProtocolTest.enc(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"), "application/sparql-results+json");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(seconds < TestServer.SETTINGS.total().toSeconds() + 5, "?timeout=3600 was capped; took " + seconds + " s");
    }

    @Test
    void clientCanLowerTheTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> r = TestServer.get("/psikg/sparql?timeout=0.3&query=" + SparqlProtocolTest.enc(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"), "application/sparql-results+json");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(seconds < TestServer.SETTINGS.firstResult().toSeconds(), "?timeout=0.3 lowered it; took " + seconds + " s");
        assertEquals(400, TestServer.get("/psikg/sparql?timeout=soon&query=" + SparqlProtocolTest.enc("ASK {}"), null).statusCode());
    }

    @Test
    void rowCapIsAnErrorNeverAPartialAnswer() {
        int cap = TestServer.SETTINGS.maxRows();
        HttpResponse<String> over = TestServer.query("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(400, over.statusCode(), "more rows than the cap: " + over.body());
        assertTrue(over.body().contains("more than " + cap + " rows"), over.body());
        HttpResponse<String> overLimit = TestServer.query("SELECT * WHERE { ?s ?p ?o } LIMIT " + (cap * 10), "text/csv");
        assertEquals(400, overLimit.statusCode(), "a LIMIT above the cap does not lift it");
        HttpResponse<String> at = TestServer.query("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT " + cap,
                "text/tab-separated-values");
        assertEquals(200, at.statusCode(), at.body());
        assertEquals(cap + 1, at.body().lines().count(), "header and exactly the cap");
        HttpResponse<String> construct = TestServer.query("CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle");
        assertEquals(400, construct.statusCode(), "CONSTRUCT over the cap");
        assertTrue(construct.body().contains("triples"), construct.body());
    }

    @Test
    void corsForGetAndPostOnly() {
        HttpResponse<String> get = TestServer.send(TestServer.request("/psikg/sparql?query=" + SparqlProtocolTest.enc("ASK {}"))
                .header("Origin", "https://example.org").GET().build());
        assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> preflight = TestServer.send(TestServer.request("/psikg/sparql")
                    .header("Origin", "https://example.org").header("Access-Control-Request-Method", method)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(204, preflight.statusCode());
            assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals("GET, POST", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> preflight = TestServer.send(TestServer.request("/psikg/data?default")
                    .header("Origin", "https://example.org").header("Access-Control-Request-Method", method)
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(403, preflight.statusCode(), method);
            assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(), method);
            assertFalse(preflight.headers().firstValue("Access-Control-Allow-Methods").isPresent(), method);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/$/ping", "/$/stats", "/$/server", "/$/datasets", "/$/metrics", "/$/tasks", "/$/compact/psikg",
        "/$/backup/psikg", "/$/reload", "/psikg/upload", "/psikg/update", "/psikg/query", "/psikg/get"})
    void noAdminOrWritePaths(String path) {
        HttpResponse<String> get = TestServer.get(path, null);
        assertTrue(get.statusCode() == 404 || get.statusCode() == 405, path + " " + get.statusCode());
        HttpResponse<String> post = TestServer.send(TestServer.request(path).header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString("<a:s> <a:p> <a:o> .")).build());
        assertClientError(post);
    }

    private static void assertClientError(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
}
