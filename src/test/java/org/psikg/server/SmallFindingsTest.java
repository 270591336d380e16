package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The smaller findings of the attack run of issue 16, each against the real server over HTTP:
 * headers that caches and CORS rely on, and errors that say what went wrong instead of a 500
 * or an empty body.
 */
class SmallFindingsTest {
    @Test
    void linkedDataKeepsTheCorsVaryAndSaysHowToCache() {
        HttpResponse<String> r = TestServer.send(TestServer.request("/id/eaeu").header("Accept", "text/turtle")
                .header("Origin", "https://elsewhere.example").GET().build());
        assertEquals(200, r.statusCode(), r.body());
        List<String> vary = r.headers().allValues("Vary").stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::strip).toList();
        assertTrue(vary.contains("Origin") && vary.contains("Accept"), "Vary: " + vary);
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = TestServer.send(TestServer.request("/id/eaeu").header("Accept", "text/turtle")
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, again.statusCode());
        assertEquals("no-cache", again.headers().firstValue("Cache-Control").orElse(""), "a 304 says it too");
    }

    @Test
    void pagesAndDumpsSayHowToCache() {
        for (String path : new String[] {"/", "/ontology", "/dumps/psikg.trig.gz"}) {
            HttpResponse<byte[]> r = TestServer.getBytes(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }

    @Test
    void constructAsRdfXmlIsAnsweredOrRefusedWithAReason() {
        HttpResponse<String> r = TestServer.send(TestServer.request("/psikg/sparql")
                .header("Content-Type", "application/sparql-query").header("Accept", "application/rdf+xml")
                .POST(HttpRequest.BodyPublishers.ofString("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 5")).build());
        assertTrue(r.statusCode() == 200 ? r.body().contains("rdf:RDF") : r.statusCode() == 406 && !r.body().isBlank(),
                r.statusCode() + ": '" + r.body() + "'");
    }

    @Test
    void fiftyThousandFormKeysAreABadRequestNotAnError() {
        // About 210 kB, under the request limit: Jetty refuses a form of more than 1,000 fields.
        StringBuilder form = new StringBuilder("query=" + "ASK%20%7B%7D");
        for (int i = 0; i < 50_000; i++) {
            form.append('&').append(Integer.toString(i, 36));
        }
        HttpResponse<String> r = TestServer.send(TestServer.request("/psikg/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.US_ASCII)).build());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("cannot read the form: more than 1000 fields"), r.body());
        assertEquals(200, TestServer.query("ASK {}", "application/sparql-results+json").statusCode());
    }

    @Test
    void tooLargeSaysWhy() {
        byte[] body = new byte[300 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        for (String type : new String[] {"application/sparql-query", "application/x-www-form-urlencoded"}) {
            HttpResponse<String> r = TestServer.send(TestServer.request("/psikg/sparql").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            assertEquals(413, r.statusCode(), type);
            assertTrue(r.body().toLowerCase(java.util.Locale.ROOT).matches("(?s).*request body (is )?too large.*"), type + ": '" + r.body() + "'");
        }
    }

    @Test
    void traceIsRefusedEverywhereAndOptionsAdvertisesNoWrites() {
        for (String path : new String[] {"/", "/id/eaeu", "/psikg/sparql", "/nothing/here", "/docs/"}) {
            RawHttp.Response r = RawHttp.send(null, TestServer.url(), "TRACE " + path + " HTTP/1.1", Map.of(), null);
            assertEquals(405, r.status(), "TRACE " + path + ": " + r.body());
            assertFalse(r.body().contains("TRACE " + path), "no echo of the request");
        }
        for (String path : new String[] {"/", "/id/eaeu", "/psikg/sparql"}) {
            RawHttp.Response r = RawHttp.send(null, TestServer.url(), "OPTIONS " + path + " HTTP/1.1", Map.of(), null);
            String allow = r.headers().getOrDefault("allow", "");
            assertFalse(allow.contains("PUT") || allow.contains("DELETE") || allow.contains("TRACE"), "OPTIONS " + path + ": Allow: " + allow);
        }
    }

    @Test
    void jettysOwnErrorPagesCarryNoSniffAndAPolicy() {
        byte[] big = new byte[300 * 1024];
        Map<String, RawHttp.Response> answers = Map.of(
                "413", RawHttp.send(null, TestServer.url(), "POST /psikg/sparql HTTP/1.1", Map.of("Content-Type", "application/sparql-query"), big),
                "431", RawHttp.send(null, TestServer.url(), "GET / HTTP/1.1", Map.of("X-Big", "x".repeat(600 * 1024)), null),
                "505", RawHttp.send(null, TestServer.url(), "GET / HTTP/9.9", Map.of(), null),
                "400", RawHttp.send(null, TestServer.url(), "GET /%zz HTTP/1.1", Map.of(), null));
        answers.forEach((status, r) -> {
            assertTrue(r.status() >= 400, status + ": " + r.status());
            assertEquals("nosniff", r.header("X-Content-Type-Options"), status + " (" + r.status() + ")");
            assertTrue(String.valueOf(r.header("Content-Security-Policy")).contains("default-src 'none'"), status + " (" + r.status() + ")");
        });
    }
}
