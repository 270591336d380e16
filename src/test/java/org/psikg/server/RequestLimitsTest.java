package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The request limits of psikg serve, against the real server: query length and bracket
 * nesting refused before parsing (and a stack overflow never a 500), request bodies and
 * query strings bounded, and at most so many requests at once from one client address
 * while other clients are still answered.
 */
class RequestLimitsTest {
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    private static HttpResponse<String> postQuery(String query) {
        return TestServer.send(TestServer.request("/psikg/sparql").header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build());
    }

    private static void assertStillAnswers() {
        HttpResponse<String> r = TestServer.query("ASK { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("true"), r.body());
    }

    @Test
    void hundredThousandNestedParenthesesAreRefusedFast() {
        String parens = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        long start = System.nanoTime();
        HttpResponse<String> r = postQuery("ASK { FILTER " + parens + " }");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("query too long"), r.body());
        System.out.printf("100,000 nested parentheses: %d in %.3f s%n", r.statusCode(), seconds);
        assertStillAnswers();
    }

    @Test
    void deepNestingUnderTheLengthLimitIsRefusedBeforeParsing() {
        for (String q : List.of("ASK { FILTER " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + " }",
                "ASK " + "{ ".repeat(5_000) + "}".repeat(5_000),
                "SELECT * WHERE { ?s ?p " + "[ <http://example.org/p> ".repeat(1_000) + "1" + " ]".repeat(1_000) + " }")) {
            long start = System.nanoTime();
            HttpResponse<String> r = postQuery(q);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("nested too deeply"), r.body());
            System.out.printf("%d characters nested too deeply: %d in %.3f s%n", q.length(), r.statusCode(), seconds);
        }
        assertStillAnswers();
    }

    @Test
    void bracketsInStringsIrisAndCommentsDoNotCount() {
        String q = "ASK { FILTER ('" + "(".repeat(1_000) + "' != \"\"\"" + "{".repeat(1_000) + "\"\"\")"
                + " # " + "[".repeat(1_000) + "\n ?s ?p ?o FILTER (?o != <http://example.org/" + "(".repeat(300) + ">) }";
        HttpResponse<String> r = postQuery(q);
        assertEquals(200, r.statusCode(), r.body());
        HttpResponse<String> nested = postQuery("ASK { FILTER " + "(".repeat(150) + "true" + ")".repeat(150) + " }");
        assertEquals(200, nested.statusCode(), "150 levels are allowed: " + nested.body());
    }

    /** Flat text, deep algebra: a chain of UNIONs or a sum of 1s recurses once per term; never a 500. */
    @Test
    void deepAlgebraWithinTheLimitsIsNeverA500() {
        for (String q : List.of("SELECT * WHERE { " + "{ } UNION ".repeat(9_000) + "{ } }",
                "ASK { FILTER (" + "1 + ".repeat(24_000) + "1 > 0) }",
                "ASK { ?s " + "<http://example.org/p>/".repeat(3_500) + "<http://example.org/p> ?o }",
                "ASK { " + "OPTIONAL { } ".repeat(7_000) + "}")) {
            HttpResponse<String> r = postQuery(q);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 503,
                    q.substring(0, 40) + "... answered " + r.statusCode() + ": " + r.body());
            System.out.printf("%s... (%d characters): %d %s%n", q.substring(0, 30), q.length(), r.statusCode(),
                    r.body().lines().findFirst().orElse(""));
        }
        assertStillAnswers();
    }

    @Test
    void requestBodiesOverTheLimitAre413() {
        int limit = TestServer.SETTINGS.maxRequestBytes();
        String big = "ASK {} #" + "x".repeat(limit);
        HttpResponse<String> sized = postQuery(big);
        assertEquals(413, sized.statusCode(), sized.body());
        assertEquals(RequestSizeLimit.tooLargeMessage(limit) + "\n", sized.body(), "psikg's reason, naming the limit");
        HttpResponse<String> form = TestServer.send(TestServer.request("/psikg/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.form("query", big))).build());
        assertEquals(413, form.statusCode(), form.body());
        byte[] chunk = ("#" + "y".repeat(64 * 1024 - 2) + "\n").getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        RawHttp.Response streamed = RawHttp.sendChunked(TestServer.url(), "POST /psikg/sparql HTTP/1.1",
                Map.of("Content-Type", "application/sparql-query"), chunk, 50 * 1024 * 1024 / chunk.length);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(413, streamed.status(), streamed.body());
        System.out.printf("a 50 MiB chunked query body: %d in %.3f s%n", streamed.status(), seconds);
        byte[] formChunk = ("x".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
        formChunk[0] = 'q';
        RawHttp.Response streamedForm = RawHttp.sendChunked(TestServer.url(), "POST /psikg/sparql HTTP/1.1",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "query=ASK%7B%7D%23".getBytes(StandardCharsets.US_ASCII), 1);
        assertEquals(200, streamedForm.status(), "a small chunked form is fine: " + streamedForm.body());
        RawHttp.Response bigForm = RawHttp.sendChunked(TestServer.url(), "POST /psikg/sparql HTTP/1.1",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), formChunk, 50 * 16);
        assertEquals(413, bigForm.status(), bigForm.body());
        assertStillAnswers();
    }

    @Test
    void queryStringsOverTheLimitAre414() {
        int limit = TestServer.SETTINGS.maxRequestBytes();
        HttpResponse<String> r = TestServer.get("/psikg/sparql?query=ASK%7B%7D%23" + "x".repeat(limit), null);
        assertEquals(414, r.statusCode(), r.body());
        assertTrue(r.body().contains("POST"), r.body());
        HttpResponse<String> huge = TestServer.get("/psikg/sparql?query=ASK%7B%7D%23" + "x".repeat(4 * 1024 * 1024), null);
        assertTrue(huge.statusCode() == 414 || huge.statusCode() == 431, "beyond Jetty's own limit: " + huge.statusCode());
        assertStillAnswers();
    }

    @Test
    void oneClientGets429WhileAnotherIsAnswered() throws Exception {
        InetAddress one = InetAddress.getByName("127.0.0.1");
        InetAddress other = InetAddress.getByName("127.0.0.2");
        String path = "/psikg/sparql?query=" + SparqlProtocolTest.enc(SLOW);
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<RawHttp.Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // A forwarded-for header of its own on each: not believed.
                Map<String, String> headers = Map.of("Accept", "application/sparql-results+json",
                        "X-Forwarded-For", "10.0.0." + i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return RawHttp.send(one, TestServer.url(), "GET " + path + " HTTP/1.1", headers, null);
                }));
            }
            go.countDown();
            Thread.sleep(500);
            long start = System.nanoTime();
            RawHttp.Response meanwhile = RawHttp.send(other, TestServer.url(),
                    "GET /psikg/sparql?query=" + SparqlProtocolTest.enc("ASK { ?s ?p ?o }") + " HTTP/1.1",
                    Map.of("Accept", "application/sparql-results+json"), null);
            double otherSeconds = (System.nanoTime() - start) / 1e9;
            int tooMany = 0;
            int ran = 0;
            int stopped = 0;
            for (Future<RawHttp.Response> f : answers) {
                RawHttp.Response r = f.get(2, TimeUnit.MINUTES);
                if (r.status() == 429) {
                    tooMany++;
                    assertEquals(ClientLimit.RETRY_AFTER_SECONDS, r.header("Retry-After"));
                } else if (r.body().contains("long queries")) {
                    // Stopped by the watch of long queries (another was running past 1 s): its
                    // slot freed early, so a later one of the fifty may have run in its place.
                    assertEquals(503, r.status(), r.body());
                    stopped++;
                } else {
                    assertEquals(503, r.status(), "a slow query that ran is stopped by the timeout: " + r.body());
                    ran++;
                }
            }
            System.out.printf("50 slow queries from one client: %d answered 429, %d ran; another client answered %d in %.3f s%n",
                    tooMany, ran, meanwhile.status(), otherSeconds);
            assertEquals(200, meanwhile.status(), meanwhile.body());
            assertTrue(meanwhile.body().contains("true"), meanwhile.body());
            assertTrue(ran >= 1 && ran <= TestServer.SETTINGS.maxConcurrentPerClient(), ran + " ran");
            assertEquals(n - ran - stopped, tooMany);
            assertStillAnswers();
        } finally {
            pool.shutdownNow();
        }
    }

    /** From the trusted proxy, the client is the last X-Forwarded-For entry (what the proxy saw), not the first. */
    @Test
    void behindTheTrustedProxyEachForwardedClientHasItsOwnLimit() throws Exception {
        InetAddress proxy = InetAddress.getByName(TestServer.TRUSTED_PROXY);
        int n = 8;
        List<RawHttp.Response> distinct = parallelSlow(proxy, n, i -> "198.51.100." + i);
        assertEquals(0, distinct.stream().filter(r -> r.status() == 429).count(), "eight forwarded clients, one query each");
        List<RawHttp.Response> same = parallelSlow(proxy, n, i -> "10.9.9." + i + ", 203.0.113.7");
        long tooMany = same.stream().filter(r -> r.status() == 429).count();
        System.out.printf("behind the trusted proxy: 8 forwarded clients, 0 answered 429; one forwarded client (spoofed first entries), %d of 8 answered 429%n",
                tooMany);
        assertTrue(tooMany >= n - TestServer.SETTINGS.maxConcurrentPerClient(), tooMany + " answered 429");
    }

    private static List<RawHttp.Response> parallelSlow(InetAddress from, int n, java.util.function.IntFunction<String> forwardedFor)
            throws Exception {
        String path = "/psikg/sparql?query=" + SparqlProtocolTest.enc(SLOW);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<RawHttp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, String> headers = Map.of("Accept", "application/sparql-results+json", "X-Forwarded-For", forwardedFor.apply(i));
                futures.add(pool.submit(() -> {
                    go.await();
                    return RawHttp.send(from, TestServer.url(), "GET " + path + " HTTP/1.1", headers, null);
                }));
            }
            go.countDown();
            List<RawHttp.Response> answers = new ArrayList<>();
            for (Future<RawHttp.Response> f : futures) {
                RawHttp.Response r = f.get(2, TimeUnit.MINUTES);
                assertTrue(r.status() == 429 || r.status() == 503, r.status() + ": " + r.body());
                answers.add(r);
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
